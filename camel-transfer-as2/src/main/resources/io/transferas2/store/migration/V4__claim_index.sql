-- Claims and the dispatcher's look for work read the queue by (status, connector_id, file_id): one index range in
-- claim order per connector, and the connectors with queued files from the index alone. It replaces V1's
-- (connector_id, status, file_id) and (status, not_before) indexes, which made H2 read and sort the whole queue on
-- every claim, and the finished_at index no query used (every index is written on each state change).
DROP INDEX tas2_transfer_file_queue;
DROP INDEX tas2_transfer_file_due;
DROP INDEX tas2_transfer_file_finished;
CREATE INDEX tas2_transfer_file_work ON tas2_transfer_file (status, connector_id, file_id);

-- The newest transfers first (dev console, RecentTransfers).
CREATE INDEX tas2_transfer_accepted ON tas2_transfer (accepted_at);
