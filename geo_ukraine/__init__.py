"""geo_ukraine."""
