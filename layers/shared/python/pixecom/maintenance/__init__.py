"""Daily housekeeping (the MaintenanceFunction, `pixecom maintenance`): purge what nothing reads
any more and re-encrypt stored tokens with the newest key."""
