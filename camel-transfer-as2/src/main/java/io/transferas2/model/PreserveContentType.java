package io.transferas2.model;

/** ENABLED sends the S3 object's Content-Type; DISABLED maps it from the file extension, AWS `PreserveContentType`. */
public enum PreserveContentType {
    ENABLED, DISABLED
}
