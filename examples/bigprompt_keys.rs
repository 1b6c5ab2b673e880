//! Measurement aid: N characters typed into a 1 MiB system prompt, each followed by
//! `DraftSync::observe` and a frame on a 120×40 TestBackend, as the event loop does.
//! `valgrind --tool=callgrind target/release/examples/bigprompt_keys 10` vs `… 110`.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};
use voxtune::paths::Paths;
use voxtune::profiles::Store;
use voxtune::schema::Schema;
use voxtune::tui::app::{App, EnvInfo, Setup, update};
use voxtune::tui::draft_sync::DraftSync;
use voxtune::tui::keymap::KeyMap;
use voxtune::tui::msg::Msg;
use voxtune::tui::theme::Theme;
use voxtune::tui::view;

const POINTER: &str = "/agent_config/llm/system_prompt";

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::at(dir.path());
    let schema = Schema::bundled();
    let store = Store::new(paths.profiles(), dir.path());
    let mut body = schema.defaults();
    let line = "Answer in one short sentence; never quit.\n";
    body["agent_config"]["llm"]["system_prompt"] = line.repeat((1 << 20) / line.len() + 1).into();
    store.create("big", &body, &schema, false).unwrap();
    let mut app = App::new(Setup {
        schema,
        store,
        paths,
        keymap: KeyMap::default(),
        theme: Theme::dark(),
        env: EnvInfo {
            name: "dev".into(),
            base_url: "https://dev.example".into(),
        },
        profile: "big".into(),
        notices: Vec::new(),
        now: 1_800_000_000,
    });
    let mut drafts = DraftSync::new(dir.path());
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let tab = app.schema.form.tab_of(POINTER).unwrap();
    key(
        &mut app,
        KeyCode::Char(char::from_digit(tab as u32 + 1, 10).unwrap()),
    );
    while app.focused_pointer().as_deref() != Some(POINTER) {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert!(app.editor.is_some());
    drafts.observe(&app);
    term.draw(|f| view::draw(&app, f)).unwrap();
    for i in 0..n {
        key(&mut app, KeyCode::Char((b'a' + (i % 26) as u8) as char));
        drafts.observe(&app);
        term.draw(|f| view::draw(&app, f)).unwrap();
    }
}
