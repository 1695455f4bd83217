package org.duban.complaint;

/**
 * An attachment as uploaded; its type is checked from its content, never from its name.
 */
record Upload(String fileName, byte[] content) {

    /**
     * The media type recognised from the first bytes, or null if it is none of JPEG, PNG
     * or PDF.
     */
    String sniffedType() {
        if (startsWith(0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith('%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private boolean startsWith(int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
