//! Small enums shared by the library and build.rs.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Branch {
    Military,
    Police,
    Government,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Protesters,
    Rioters,
    Civilians,
    UnidentifiedArmedGroup,
    /// Guards of private security companies ("security guards"): ACLED's "Private Security
    /// Forces (Country)", inter 8.
    PrivateSecurity,
}
