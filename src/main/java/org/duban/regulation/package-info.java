/**
 * 建章立制: the rules and mechanisms the campaign produces, revises or repeals ("转化为制度成果"),
 * each with its document number and date, the problems (and through them the inspection
 * findings and complaints) that prompted it, and — for the clean-up of improper penalty
 * rules — the screening benchmark entries it changed. The work team drafts, the leading
 * group issues.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulations")
package org.duban.regulation;
