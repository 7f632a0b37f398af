//! Print the gazetteer records for names: `cargo run --release -p frontline-geo --example geo_lookup -- "El Alto" Aleppo`
fn main() {
    let g = frontline_geo::Gazetteer::embedded();
    for name in std::env::args().skip(1) {
        println!("{name} ({:?}):", frontline_geo::normalize(&name));
        for e in g.lookup(&name).iter().take(15) {
            println!("  {} {} {} {} pop {} a1 {:?} a2 {:?} ({:.3},{:.3})", e.geonameid, e.name, e.country_code, e.feature_code, e.population, e.admin1_name, e.admin2_name, e.latitude, e.longitude);
        }
    }
}
