//! A run notes what it read of the request's own inputs ([`engine::OwnInputs`]): the clock,
//! the random seed, the session (its id, its action-link signer, its files), the action.
//! A first screen that read none of them is the same for every fresh session, which is
//! what lets the server make it once. Checked here over every example interview: two
//! fresh sessions with another time, seed, session id and signer give the same screen and
//! the same state whenever the first run says it read nothing of its own.

use crate::run_support;

use engine::{ActionSigner, OwnInputs, RequestContext};
use run_support::{DirSources, Inline};

/// A context as the server makes one: `who` picks the time, seed, session and signer.
fn context(reference: &str, who: u8) -> RequestContext {
    let mut ctx = RequestContext::for_tests(reference);
    if who == 1 {
        ctx.now = chrono::NaiveDate::from_ymd_opt(2031, 7, 3)
            .and_then(|d| d.and_hms_opt(3, 4, 5))
            .unwrap();
    }
    ctx.seed = 1000 + u64::from(who);
    ctx.session_id = Some(format!("session{who}"));
    ctx.sign_action = Some(ActionSigner::new(move |action| format!("sig{who}-{}", action.len())));
    ctx.debug = true;
    ctx
}

#[test]
fn a_first_screen_that_read_nothing_of_its_own_is_the_same_for_every_session() {
    let sources = DirSources::new();
    let refs = run_support::example_references();
    if refs.is_empty() {
        eprintln!("examples not found; skipped");
        return;
    }
    let (mut shared, mut own) = (0, OwnInputs::default());
    let mut kinds = [0usize; 3];
    for reference in &refs {
        let Ok(parsed) = engine::InterviewRef::parse(reference) else { continue };
        let Ok((iv, _)) = engine::load(&sources, &parsed) else { continue };
        let run = |who| {
            let mut st = iv.new_session();
            let (screen, reads) = iv.next_screen_noting(&mut st, &context(reference, who));
            (format!("{screen:?}"), st.to_json_string(), reads)
        };
        let (screen_a, state_a, reads_a) = run(0);
        for (i, kind) in [OwnInputs::CLOCK, OwnInputs::RANDOM, OwnInputs::SESSION].into_iter().enumerate() {
            if reads_a.contains(kind) {
                kinds[i] += 1;
            }
        }
        own |= reads_a;
        if !reads_a.is_empty() {
            continue;
        }
        shared += 1;
        let (screen_b, state_b, reads_b) = run(1);
        assert!(reads_b.is_empty(), "{reference}: the second session read {reads_b:?}");
        assert_eq!(screen_a, screen_b, "{reference}: the screens differ");
        assert_eq!(state_a, state_b, "{reference}: the states differ");
    }
    eprintln!("{shared} of {} first screens read nothing of their own; clock, random, session: {kinds:?}", refs.len());
    // the check ran on most examples, and the others were told apart for each reason
    assert!(shared > 400, "only {shared} of {} first screens read nothing of their own", refs.len());
    assert!(kinds.iter().all(|&n| n > 0), "clock, random, session: {kinds:?}");
}

/// The run of `yaml`'s first screen and what it read.
fn reads_of(yaml: &str) -> OwnInputs {
    let inline = Inline::load("reads.yml", yaml);
    let mut st = inline.iv.new_session();
    let (screen, reads) = inline.iv.next_screen_noting(&mut st, &context("docassemble.test:data/questions/reads.yml", 0));
    assert!(matches!(screen, engine::Screen::Question(_)), "{yaml}: {screen:?}");
    reads
}

#[test]
fn each_input_of_the_request_is_noted_when_read() {
    let question = "mandatory: True\nquestion: Hello\nsubquestion: ${ x }\nfield: ok\n";
    assert_eq!(reads_of(&format!("code: x = 1\n---\n{question}")), OwnInputs::default());
    assert_eq!(reads_of(&format!("code: x = today()\n---\n{question}")), OwnInputs::CLOCK);
    assert_eq!(reads_of(&format!("code: x = current_datetime().year\n---\n{question}")), OwnInputs::CLOCK);
    assert_eq!(
        reads_of(&format!("imports:\n  - random\n---\ncode: x = random.randint(1, 6)\n---\n{question}")),
        OwnInputs::RANDOM
    );
    assert_eq!(
        reads_of(&format!("code: |\n  multi_user = True\n  x = interview_url()\n---\n{question}")),
        OwnInputs::SESSION
    );
    assert_eq!(reads_of(&format!("code: x = url_action('go')\n---\n{question}")), OwnInputs::SESSION);
    // an interview URL of a private session does not carry the session
    assert_eq!(reads_of(&format!("code: x = interview_url()\n---\n{question}")), OwnInputs::default());
}
