-- An ASYNC MDN may reach several nodes at once (a partner retrying, a load balancer): the node that handles it claims
-- the pending send until claimed_until (epoch millis), so only one node runs the route and emits the event. A node
-- that dies mid-way leaves a claim that simply expires.
ALTER TABLE tas2_pending_mdn ADD COLUMN claimed_until BIGINT;
