//! What a profile may be called: a name that is one plain file name.

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NameError {
    #[error("a profile name cannot be empty")]
    Empty,
    #[error("profile name `{0}` cannot contain `/` or `\\`: it names one file")]
    Separator(String),
    #[error("profile name `{0}` cannot contain `..`")]
    DotDot(String),
    #[error("a profile name cannot contain a NUL or control character")]
    Control,
    #[error("profile name `{0}` cannot start with `.`: such files are hidden")]
    LeadingDot(String),
    #[error("profile name is {0} characters long; 100 at most")]
    TooLong(usize),
}

pub fn check(name: &str) -> Result<(), NameError> {
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::Control);
    }
    if name.contains('/') || name.contains('\\') {
        return Err(NameError::Separator(name.into()));
    }
    if name.contains("..") {
        return Err(NameError::DotDot(name.into()));
    }
    if name.starts_with('.') {
        return Err(NameError::LeadingDot(name.into()));
    }
    let len = name.chars().count();
    if len > 100 {
        return Err(NameError::TooLong(len));
    }
    Ok(())
}
