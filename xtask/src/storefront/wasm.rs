//! The storefront's wasm, built the way Trunk cannot: cargo (`wasm-release`, with
//! relocations kept and `--cfg storefront_split`), then the splitter that
//! cuts each lazily loaded page into its own module, then wasm-bindgen and
//! wasm-opt on every piece. Trunk can't run a step between cargo and
//! wasm-bindgen, so `index.html`'s Rust link is marked `data-trunk-skip`.
//!
//! Everything lands in one folder named after the hash of cargo's output,
//! `dist/wasm-<hash>/`: the names inside are fixed (the loader and the
//! chunks refer to each other by them), and a new build is a new folder, so
//! browsers may cache the files forever.

use crate::error::XtaskError;
use crate::process::{self, command};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The main module's file names inside the bundle's folder.
pub const MAIN_JS: &str = "storefront.js";
pub const MAIN_WASM: &str = "storefront_bg.wasm";
/// The loader of the split modules, imported by the main module.
pub const LOADER_JS: &str = "__wasm_split.js";
/// Which files each split point needs, written for `cargo xtask size`.
pub const MANIFEST: &str = "split-manifest.json";

/// wasm-opt must know the wasm features rustc emits by default for wasm32.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
    "--enable-reference-types",
];

/// The built bundle: its folder's name under `dist/`, and the files (stems)
/// each split point loads.
pub struct Bundle {
    pub dir_name: String,
    pub split_files: BTreeMap<String, Vec<String>>,
}

/// Builds the wasm and writes its bundle into `dist`.
pub fn build(root: &Path, dist: &Path) -> Result<Bundle, XtaskError> {
    let raw = cargo_build(root)?;
    let input = std::fs::read(&raw).map_err(XtaskError::io(&raw))?;
    let hash = Sha256::digest(&input);
    let dir_name = format!("wasm-{}", hex(&hash[..8]));
    let work = root.join("target").join("storefront-split");
    recreate(&work)?;
    let split = split(&input, &work)?;
    let bindgen_out = work.join("bindgen");
    process::run(
        command(root, "wasm-bindgen")
            .args([
                "--target=web",
                "--keep-lld-exports",
                "--no-typescript",
                "--out-name=storefront",
            ])
            .arg("--out-dir")
            .arg(&bindgen_out)
            .arg(&split.main),
    )?;

    let bundle = dist.join(&dir_name);
    recreate(&bundle)?;
    copy(&bindgen_out.join(MAIN_JS), &bundle.join(MAIN_JS))?;
    copy(&work.join(LOADER_JS), &bundle.join(LOADER_JS))?;
    let mut jobs = vec![(bindgen_out.join(MAIN_WASM), bundle.join(MAIN_WASM))];
    for module in &split.modules {
        let name = module.file_name().unwrap_or_default();
        jobs.push((module.clone(), bundle.join(name)));
    }
    optimise_all(root, &jobs)?;
    let manifest = serde_json::to_string_pretty(&split.prefetch)
        .map_err(|error| XtaskError::Setup(format!("cannot write the split manifest: {error}")))?;
    let manifest_path = bundle.join(MANIFEST);
    std::fs::write(&manifest_path, manifest).map_err(XtaskError::io(&manifest_path))?;
    Ok(Bundle {
        dir_name,
        split_files: split.prefetch,
    })
}

/// cargo's own output, before wasm-bindgen.
fn cargo_build(root: &Path) -> Result<PathBuf, XtaskError> {
    process::run(
        command(root, "cargo")
            .args([
                "build",
                "--profile=wasm-release",
                "--target=wasm32-unknown-unknown",
                "--package=storefront",
                "--bin=storefront",
            ])
            // Relocations let the splitter move code between modules.
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                "--cfg storefront_split --cfg erase_components -Clink-args=--emit-relocs",
            ),
    )?;
    Ok(root
        .join("target")
        .join("wasm32-unknown-unknown")
        .join("wasm-release")
        .join("storefront.wasm"))
}

struct Split {
    main: PathBuf,
    modules: Vec<PathBuf>,
    /// Split point → the files (stems) it loads.
    prefetch: BTreeMap<String, Vec<String>>,
}

fn split(input: &[u8], work: &Path) -> Result<Split, XtaskError> {
    let main = work.join("storefront_split.wasm");
    let mut options = wasm_split_cli_support::Options::new(input);
    options.output_dir = work;
    options.main_out_path = &main;
    options.main_module = "./storefront.js";
    options.link_name = "./__wasm_split.js";
    let output = wasm_split_cli_support::transform(options)
        .map_err(|error| XtaskError::Setup(format!("wasm-split failed: {error:#}")))?;
    Ok(Split {
        main,
        modules: output.split_modules,
        prefetch: output.prefetch_map.into_iter().collect(),
    })
}

/// wasm-opt on every module, on as many threads as the machine has cores:
/// binaryen's npm build starts slowly and the splitter makes dozens of
/// modules. Its output is shown only when it fails.
fn optimise_all(root: &Path, jobs: &[(PathBuf, PathBuf)]) -> Result<(), XtaskError> {
    println!(
        "$ wasm-opt {} <module> -o <bundle>/<module>   ({} modules)",
        WASM_OPT_ARGS.join(" "),
        jobs.len()
    );
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<(), XtaskError> {
                    while let Some((input, output)) = jobs.get(next.fetch_add(1, Ordering::Relaxed))
                    {
                        optimise(root, input, output)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles.into_iter().try_for_each(|handle| {
            handle
                .join()
                .unwrap_or_else(|_| Err(XtaskError::Setup("a wasm-opt worker panicked".into())))
        })
    })
}

fn optimise(root: &Path, input: &Path, output: &Path) -> Result<(), XtaskError> {
    let mut wasm_opt = command(root, "wasm-opt");
    wasm_opt
        .args(WASM_OPT_ARGS)
        .arg(input)
        .arg("-o")
        .arg(output);
    let description = process::describe(&wasm_opt);
    let result = wasm_opt.output().map_err(|source| XtaskError::Spawn {
        command: description.clone(),
        source,
    })?;
    if result.status.success() {
        return Ok(());
    }
    eprintln!("{}", String::from_utf8_lossy(&result.stderr));
    Err(XtaskError::Failed {
        command: description,
        status: result.status.to_string(),
    })
}

fn recreate(dir: &Path) -> Result<(), XtaskError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(XtaskError::io(dir))?;
    }
    std::fs::create_dir_all(dir).map_err(XtaskError::io(dir))
}

fn copy(from: &Path, to: &Path) -> Result<(), XtaskError> {
    std::fs::copy(from, to)
        .map(drop)
        .map_err(XtaskError::io(from))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
