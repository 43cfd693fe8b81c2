//! `dataset check FILE…` validates datasets; `dataset build SOURCE OUT` makes one from its
//! authoring file. Exit status 1 on any problem, 2 on wrong usage.

use kz_explorer::{build::build, validate::parse_and_check};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..]),
        Some("build") if args.len() == 3 => build_cmd(&args[1], &args[2]),
        _ => {
            eprintln!(
                "usage:\n  dataset check FILE...        validate dataset files\n  \
                 dataset build SOURCE OUT     build a dataset from its authoring file"
            );
            ExitCode::from(2)
        }
    }
}

fn check(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        let result = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {file}: {e}"))
            .and_then(|text| parse_and_check(&text).map_err(|e| e.to_string()));
        match result {
            Ok(d) => println!(
                "{file}: ok ({} reports, {} paragraphs, {} activities, {} metrics, {} events, {} places)",
                d.reports.len(),
                d.reports.iter().map(|r| r.paragraphs.len()).sum::<usize>(),
                d.activities.len(),
                d.activities.iter().map(|a| a.metrics.len()).sum::<usize>(),
                d.events.len(),
                d.places.len(),
            ),
            Err(e) => {
                failed = true;
                eprintln!("{file}: {e}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn build_cmd(source: &str, out: &str) -> ExitCode {
    let base = Path::new(source).parent().unwrap_or(Path::new("."));
    let result = std::fs::read_to_string(source)
        .map_err(|e| format!("cannot read {source}: {e}"))
        .and_then(|src| {
            build(&src, |f| {
                std::fs::read_to_string(base.join(f)).map_err(|e| format!("cannot read {f}: {e}"))
            })
        })
        .and_then(|d| {
            let json = kz_explorer::build::to_json(&d)?;
            parse_and_check(&json).map_err(|e| e.to_string())?;
            std::fs::write(out, json).map_err(|e| format!("cannot write {out}: {e}"))
        });
    match result {
        Ok(()) => {
            println!("wrote {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
