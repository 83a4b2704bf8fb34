package io.transferas2.model;

/** LOCAL is us, PARTNER is the trading partner, AWS `ProfileType`. */
public enum ProfileType {
    LOCAL, PARTNER
}
