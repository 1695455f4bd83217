package org.duban.complaint;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The receipt on its way from the submission to the receipt page (post/redirect/get).
 * Sessions live in the database, so the receipt is sealed with the identity key (bound to
 * the complaint's id) before it enters the flash: the database never holds a receipt in
 * clear, and the flash is gone after the one page that shows it.
 */
record ReceiptFlash(UUID complaintId, byte[] sealedReceipt, Instant submittedAt, LocalDate acknowledgeDueOn,
        LocalDate dueOn, String bureauName, String smsTo) implements Serializable {

    /** smsTo: the masked mobile number the receipt was also sent to, or null. */
    static ReceiptFlash of(Submitted submitted, String bureauName, String smsTo, Secrets secrets) {
        return new ReceiptFlash(submitted.complaintId(),
                secrets.encrypt(submitted.receipt(), "receipt-flash:" + submitted.complaintId()),
                submitted.submittedAt(), submitted.acknowledgeDueOn(), submitted.dueOn(), bureauName, smsTo);
    }

    Submitted open(Secrets secrets) {
        return new Submitted(complaintId, secrets.decrypt(sealedReceipt, "receipt-flash:" + complaintId), submittedAt,
                acknowledgeDueOn, dueOn);
    }
}
