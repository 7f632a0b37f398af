//! For lines "name<TAB>lat<TAB>lon" on stdin, print whether the gazetteer has a record of that
//! name within 25 km (what an ideal resolver could reach): `geo_reach < names.tsv`
use std::io::BufRead;
fn main() {
    let g = frontline_geo::Gazetteer::embedded();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 3 {
            continue;
        }
        let (lat, lon): (f64, f64) = (c[1].parse().unwrap_or(0.0), c[2].parse().unwrap_or(0.0));
        let hits = g.lookup(c[0]);
        let near = hits.iter().any(|e| frontline_geo::haversine_km((e.latitude, e.longitude), (lat, lon)) < 25.0);
        println!("{}\t{}\t{}", if near { "REACH" } else if hits.is_empty() { "NONAME" } else { "FAR" }, hits.len(), line);
    }
}
