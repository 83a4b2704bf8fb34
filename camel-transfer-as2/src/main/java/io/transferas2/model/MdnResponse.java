package io.transferas2.model;

/** How the partner returns the MDN, AWS `MdnResponse`. */
public enum MdnResponse {
    SYNC, NONE, ASYNC
}
