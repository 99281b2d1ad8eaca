//! Runs the T0/T1 browser scenarios in process (no browser): each step is mapped onto the
//! screen data (`I set "Label" to …` finds the field by label, `I click the button …` posts
//! the form). Prints every failure and checks that the number passing does not drop below
//! the threshold. `SCENARIO=TestExamples:501 cargo test -p engine --test run_scenarios -- --nocapture`
//! runs one.
#![allow(clippy::panic)] // a test reports a failure by panicking

use crate::run_support;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use run_support::Session;

const ROOT: &str = "/work/shared/docassemble-examples/scenarios";

/// The number of T0/T1 in-scope scenarios that must pass in process.
const THRESHOLD: usize = 305;

struct Scenario {
    id: String,
    steps: Vec<String>,
}

fn scenarios() -> Vec<Scenario> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir(ROOT) else { return out };
    let mut files: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "feature")).collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let mut cur: Option<Scenario> = None;
        for line in text.lines() {
            let t = line.trim();
            if let Some(rest) = t.strip_prefix("Scenario:") {
                if let Some(s) = cur.take() {
                    out.push(s);
                }
                let id = rest.rsplit('[').next().unwrap_or("").trim_end_matches(']').to_string();
                cur = Some(Scenario { id, steps: Vec::new() });
            } else if let Some(s) = cur.as_mut() {
                for kw in ["Given ", "When ", "Then ", "And ", "But "] {
                    if let Some(step) = t.strip_prefix(kw) {
                        s.steps.push(step.to_string());
                    }
                }
            }
        }
        if let Some(s) = cur.take() {
            out.push(s);
        }
    }
    out
}

fn tiers() -> HashMap<String, (u32, bool)> {
    let text = std::fs::read_to_string(format!("{ROOT}/tiers.tsv")).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let p: Vec<&str> = l.split('\t').collect();
            (p.len() == 3).then(|| (p[0].to_string(), (p[1].parse().unwrap_or(9), p[2] == "in")))
        })
        .collect()
}

fn quoted(step: &str) -> Vec<String> {
    let q = if step.contains('"') { '"' } else { '\'' };
    step.split(q).skip(1).step_by(2).map(str::to_string).collect()
}

/// `first`…`tenth` right after `prefix` (as in "I click the second link …").
fn ordinal_after(step: &str, prefix: &str) -> Option<usize> {
    let rest = step.strip_prefix(prefix)?;
    let word = rest.split(' ').next()?;
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        .iter()
        .position(|w| *w == word)
        .map(|p| p + 1)
}

fn run_step(s: &mut Option<Session>, step: &str) -> Result<(), String> {
    let args = quoted(step);
    let a = |i: usize| args.get(i).cloned().unwrap_or_default();
    if step.starts_with("I start the interview") || step.starts_with("I launch the interview") || step.starts_with("I start the possibly") {
        let name = a(0);
        *s = Some(Session::start_now(&name));
        if step.starts_with("I start the interview") {
            if let Some(sess) = s {
                if let engine::Screen::Error { message } = &sess.screen {
                    return Err(format!("error page: {message}"));
                }
            }
        }
        return Ok(());
    }
    let Some(sess) = s.as_mut() else { return Err("no session".into()) };
    let r = catch_unwind(AssertUnwindSafe(|| {
        if step.starts_with("I click the help icon") {
            sess.show_help = true;
        } else if step.starts_with("I should see the phrase") || step.starts_with("I should explicitly see the phrase") {
            sess.see(&a(0));
        } else if step.starts_with("I should not see the phrase") {
            sess.not_see(&a(0));
        } else if step.starts_with("I set the text box to") || step.starts_with("I set the text area to") {
            sess.set_first_text(&a(0));
        } else if let Some(n) = ordinal_after(step, "I set the ").filter(|_| step.contains(" to ")) {
            sess.set_nth(&a(0), n, &a(1));
        } else if step.starts_with("I set the") && step.contains(" to ") {
            sess.set(&a(0), &a(1));
        } else if step.starts_with("I set \"") {
            sess.set(&a(0), &a(1));
        } else if step.starts_with("I click the button") || (step.starts_with("I click the \"") && step.ends_with(" button")) || step.starts_with("I exit by clicking") {
            sess.click(&a(0));
        } else if step.starts_with("I click the") && step.contains(" button ") {
            sess.click(&a(0));
        } else if (step.starts_with("I click the \"") || step.starts_with("I click the option")) && step.contains(" under \"") {
            sess.click_option_under(&a(0), &a(1));
        } else if step.starts_with("I click the \"") && step.contains("option") {
            sess.click_option(&a(0));
        } else if step.starts_with("I click the option") || step.starts_with("I click the first option") {
            sess.click_option(&a(0));
        } else if step.starts_with("I select \"") && step.contains(" as the ") {
            sess.set(&a(1), &a(0));
        } else if step.starts_with("I select \"") && step.contains("from the menu") {
            sess.link(&a(0));
        } else if let Some(n) = ordinal_after(step, "I click the ").filter(|_| step.contains(" link \"")) {
            sess.nth_link(&a(0), n);
        } else if step.starts_with("I click the link") || step.starts_with("I click the final link") {
            sess.link(a(0).trim());
        } else if step.starts_with("I click the back button") || step.starts_with("I click the question back button") {
            sess.back();
        } else if step.starts_with("I reload the screen") {
            sess.reload();
        } else if step.starts_with("I choose \"") {
            sess.choose(&a(0));
        } else if step.starts_with("I go to the help screen") {
            sess.show_help = true;
        } else if step.starts_with("I go back to the question screen") {
            sess.show_help = false;
        } else if step.starts_with("I wait") || step.starts_with("I unfocus") || step.starts_with("I go to the help screen") || step.starts_with("I go back to the question screen") || step.starts_with("I spend") || step.starts_with("I screenshot") || step.starts_with("I save a screenshot") || step.starts_with("I set the window size") || step.starts_with("I scroll") {
        } else if step.starts_with("I should see \"") && step.contains("as the title") {
            let t = sess.q().tab_title.clone().or_else(|| sess.q().title.clone()).unwrap_or_default();
            assert_eq!(t, a(0));
        } else {
            panic!("unsupported step: {step}");
        }
    }));
    sess.persist();
    if std::env::var("SCENARIO_DEBUG").is_ok() {
        eprintln!("step {step}: staged {:?} args {:?} fields {:?}", sess.staged, args, sess.q().fields.iter().map(|f| (&f.name, &f.label, f.choices.iter().map(|c| (&c.label, &c.value)).collect::<Vec<_>>())).collect::<Vec<_>>());
    }
    r.map_err(|e| {
        e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
    })
}

#[test]
fn t0_t1_scenarios_in_process() {
    let tiers = tiers();
    let only = std::env::var("SCENARIO").ok();
    let max_tier: u32 = std::env::var("MAX_TIER").ok().and_then(|t| t.parse().ok()).unwrap_or(1);
    // `MIN_TIER=3 MAX_TIER=3` reports one tier alone (the threshold applies to T0/T1 only)
    let min_tier: u32 = std::env::var("MIN_TIER").ok().and_then(|t| t.parse().ok()).unwrap_or(0);
    let mut passed = Vec::new();
    let mut failed = Vec::new();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for sc in scenarios() {
        let Some(&(tier, inscope)) = tiers.get(&sc.id) else { continue };
        if let Some(o) = &only {
            if &sc.id != o {
                continue;
            }
        } else if tier > max_tier || tier < min_tier || !inscope {
            continue;
        }
        let mut sess = None;
        let mut result = Ok(());
        for step in &sc.steps {
            let r = catch_unwind(AssertUnwindSafe(|| run_step(&mut sess, step)));
            let r = match r {
                Ok(r) => r,
                Err(e) => Err(e.downcast_ref::<String>().cloned().unwrap_or_else(|| "panic".into())),
            };
            if let Err(e) = r {
                result = Err(format!("step `{step}`: {e}"));
                break;
            }
        }
        match result {
            Ok(()) => passed.push((tier, sc.id.clone())),
            Err(e) => failed.push((tier, sc.id.clone(), e)),
        }
    }
    std::panic::set_hook(hook);
    for (tier, id, e) in &failed {
        let short: String = e.chars().take(600).collect();
        println!("FAIL T{tier} {id}: {short}\n");
    }
    let t0 = passed.iter().filter(|(t, _)| *t == 0).count();
    let t0f = failed.iter().filter(|(t, _, _)| *t == 0).count();
    println!("T0: {t0} passed, {t0f} failed; T1: {} passed, {} failed", passed.len() - t0, failed.len() - t0f);
    println!("{} passed, {} failed", passed.len(), failed.len());
    if only.is_none() && min_tier == 0 {
        assert!(passed.len() >= THRESHOLD, "{} passed, below the threshold {THRESHOLD}", passed.len());
    }
}
