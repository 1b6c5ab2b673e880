//! Built-in starting points for new profiles, embedded in the binary.

use serde_json::Value;

pub struct Preset {
    pub name: &'static str,
    pub description: &'static str,
    body: &'static str,
}

impl Preset {
    pub fn body(&self) -> Value {
        serde_json::from_str(self.body).expect("bundled presets parse (checked by tests)")
    }
}

pub const PRESETS: &[Preset] = &[
    Preset {
        name: "phone",
        description: "Phone line at 8 kHz tuned for low latency: short endpointing, preemptive synthesis, short replies",
        body: include_str!("../../assets/presets/phone.json"),
    },
    Preset {
        name: "web",
        description: "Web widget at 16 kHz with the library defaults: a balanced starting point",
        body: include_str!("../../assets/presets/web.json"),
    },
    Preset {
        name: "support",
        description: "Patient support agent: slower voice, longer endpointing delay, interruptions need 2+ words",
        body: include_str!("../../assets/presets/support.json"),
    },
];

pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

pub fn names() -> Vec<&'static str> {
    PRESETS.iter().map(|p| p.name).collect()
}
