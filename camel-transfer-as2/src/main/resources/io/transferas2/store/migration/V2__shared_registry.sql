-- The registry shared by every node of a cluster (issue 14): one row per resource in the registry file's JSON shape,
-- and a version counter every node polls. A change commits its resources and the next version in one transaction;
-- a node that sees a higher version reloads. Same plain SQL on H2 and PostgreSQL.
CREATE TABLE tas2_registry_version (
    registry_name  VARCHAR(64)   NOT NULL PRIMARY KEY,
    version        BIGINT        NOT NULL,
    updated_at     BIGINT        NOT NULL,
    updated_by     VARCHAR(200)  NOT NULL
);

CREATE TABLE tas2_registry_resource (
    registry_name  VARCHAR(64)     NOT NULL,
    kind           VARCHAR(32)     NOT NULL,
    resource_id    VARCHAR(100)    NOT NULL,
    document       VARCHAR(4000000) NOT NULL,
    PRIMARY KEY (registry_name, kind, resource_id)
);
