-- The ops view (/actuator/saga) lists recent timeouts without scanning every order's timeline.
create index order_timeline_timeouts_by_at on order_timeline (at) where step = 'CANCELLED' and detail = 'TIMEOUT';
