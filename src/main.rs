//! Entry point: install the panic hook and mount.

fn main() {
    kz_explorer::app::install_panic_hook();
    leptos::mount::mount_to_body(kz_explorer::app::App);
}
