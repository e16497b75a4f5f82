//! End-to-end tests of bank loading and validation.
