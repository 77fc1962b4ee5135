"""One recording under review: picture, transport, timeline, Kijkwijzer, observations, clips."""
