//! Entry point: the app loads its data and takes the page over.

fn main() {
    kz_explorer::app::start();
}
