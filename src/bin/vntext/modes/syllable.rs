//! `syllable`: one JSON object per line, the token's components, tone and
//! validity (`{"input":"","valid":false}` for an empty line).

use super::super::args::Common;
use super::super::input::{inputs, Res};
use super::super::stream::{per_line, LineResult};
use super::json_into;

pub fn run(common: &Common) -> Res {
    per_line(
        &inputs(common)?,
        &super::options(common, false),
        syllable_json,
    )
}

fn syllable_json(line: &str, out: &mut String) -> LineResult {
    let token = line.trim();
    let mut obj = serde_json::Map::new();
    obj.insert("input".into(), token.into());
    if let Some(s) = vntext::Syllable::parse(token) {
        match serde_json::to_value(s) {
            Ok(serde_json::Value::Object(m)) => obj.extend(m),
            Ok(v) => {
                obj.insert("syllable".into(), v);
            }
            Err(_) => {}
        }
    }
    obj.insert("valid".into(), vntext::syllable::is_valid(token).into());
    json_into(out, &obj);
    Ok(())
}
