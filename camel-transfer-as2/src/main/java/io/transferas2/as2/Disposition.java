package io.transferas2.as2;

import java.util.Locale;
import java.util.Optional;

/**
 * An MDN {@code Disposition} field (RFC 3798 / RFC 4130 section 7.4.3), e.g.
 * {@code automatic-action/MDN-sent-automatically; processed/error: decryption-failed}.
 *
 * @param actionMode    {@code automatic-action} or {@code manual-action}
 * @param sendingMode   {@code MDN-sent-automatically} or {@code MDN-sent-manually}
 * @param type          {@code processed} or {@code failed}
 * @param modifierKind  null, or {@code error}, {@code warning} or {@code failure} (lower case)
 * @param modifier      the modifier text, e.g. {@code decryption-failed}, or null
 */
public record Disposition(String actionMode, String sendingMode, String type, String modifierKind,
                          String modifier) {

    private static final String AUTOMATIC = "automatic-action";
    private static final String SENT_AUTOMATICALLY = "MDN-sent-automatically";

    /** {@code automatic-action/MDN-sent-automatically; processed}. */
    public static Disposition processed() {
        return new Disposition(AUTOMATIC, SENT_AUTOMATICALLY, "processed", null, null);
    }

    /** {@code ...; processed/error: <modifier>}. */
    public static Disposition error(DispositionModifier modifier) {
        return new Disposition(AUTOMATIC, SENT_AUTOMATICALLY, "processed", "error", modifier.token());
    }

    /** {@code ...; processed/warning: <text>}. */
    public static Disposition warning(String text) {
        return new Disposition(AUTOMATIC, SENT_AUTOMATICALLY, "processed", "warning", text);
    }

    /** {@code ...; processed/warning: duplicate-document}, AWS's answer to a repeated Message-ID. */
    public static Disposition duplicateDocument() {
        return warning("duplicate-document");
    }

    /**
     * Parses a Disposition value leniently: any case, spaces around separators, missing sending mode, and a modifier
     * kind spelt {@code Error}, {@code error} or {@code ERROR}.
     */
    public static Disposition parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty Disposition");
        }
        String v = value.trim();
        int semi = v.indexOf(';');
        String modes = semi < 0 ? "" : v.substring(0, semi).trim();
        String rest = (semi < 0 ? v : v.substring(semi + 1)).trim();
        String action = modes;
        String sending = null;
        int slash = modes.indexOf('/');
        if (slash >= 0) {
            action = modes.substring(0, slash).trim();
            sending = modes.substring(slash + 1).trim();
        }
        String type = rest;
        String kind = null;
        String modifier = null;
        int typeSlash = rest.indexOf('/');
        if (typeSlash >= 0) {
            type = rest.substring(0, typeSlash).trim();
            String mod = rest.substring(typeSlash + 1).trim();
            int colon = mod.indexOf(':');
            if (colon >= 0) {
                kind = mod.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                modifier = mod.substring(colon + 1).trim();
            } else {
                kind = mod.toLowerCase(Locale.ROOT);
            }
        }
        return new Disposition(action, sending, type.toLowerCase(Locale.ROOT), kind, modifier);
    }

    /** True for a plain {@code processed} or {@code processed/warning}: the message was accepted. */
    public boolean isSuccess() {
        return "processed".equals(type) && (modifierKind == null || "warning".equals(modifierKind));
    }

    public boolean isWarning() {
        return "warning".equals(modifierKind);
    }

    /** The RFC 4130 error modifier, when this is a {@code processed/error} with a known one. */
    public Optional<DispositionModifier> errorModifier() {
        return "error".equals(modifierKind) ? DispositionModifier.fromToken(modifier) : Optional.empty();
    }

    /** The field value as written in an MDN. */
    public String toFieldValue() {
        StringBuilder sb = new StringBuilder();
        sb.append(actionMode == null || actionMode.isEmpty() ? AUTOMATIC : actionMode);
        sb.append('/').append(sendingMode == null ? SENT_AUTOMATICALLY : sendingMode);
        sb.append("; ").append(type);
        if (modifierKind != null) {
            sb.append('/').append(modifierKind);
            if (modifier != null) {
                sb.append(": ").append(modifier);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toFieldValue();
    }
}
