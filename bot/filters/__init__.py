"""The subscription filters: which kinds a destination can subscribe to and the RE2 patterns
they match. Low in the house: configuration, the store and every stage use them."""
