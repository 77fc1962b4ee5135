"""The onderzoeker's screens: registering, their own key, and the klant's sealed feedback."""
