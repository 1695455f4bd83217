package org.duban.ledger;

import java.util.Optional;

/**
 * Implemented by the modules problems come from (complaints, inspections): the page a
 * problem's source reference points to, when the current user may read it. The ledger
 * shows the link without depending on those modules.
 */
public interface ProblemSourceLink {

    /**
     * @return a path inside Duban, such as {@code /complaints/{id}}, when this module
     * knows {@code sourceRef} for {@code source} and the current user may open that page;
     * empty otherwise
     */
    Optional<String> pathFor(ProblemSource source, String sourceRef);

}
