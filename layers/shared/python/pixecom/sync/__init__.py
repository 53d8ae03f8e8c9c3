"""Stats and delivery sync: dispatch, the queue port, and the workers' logic."""
