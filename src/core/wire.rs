//! Layouts on the wire: the page hands a chart's layout to the image module as JSON, and its
//! shares of the axis (floats from 0 to 1) travel as whole millionths, so writing a layout
//! needs no float formatting (which the page's wasm does not carry: 8 KB gzipped). Use as
//! `#[serde(with = "wire")]` on a field holding floats.

use super::filters::Month;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value with floats in it, and its form on the wire.
pub trait Wire: Sized {
    type On: Serialize + DeserializeOwned;
    fn to_wire(&self) -> Self::On;
    fn from_wire(on: Self::On) -> Self;
}

/// Millionths: a share of 1 in 1,000,000 is 0.002 px on a print-size image.
const SCALE: f64 = 1_000_000.0;

impl Wire for f64 {
    type On = i64;
    fn to_wire(&self) -> i64 {
        // `as` saturates and turns NaN into 0: a broken share is drawn at the axis's start.
        (self * SCALE).round() as i64
    }
    fn from_wire(on: i64) -> f64 {
        on as f64 / SCALE
    }
}

impl Wire for u64 {
    type On = u64;
    fn to_wire(&self) -> u64 {
        *self
    }
    fn from_wire(on: u64) -> u64 {
        on
    }
}

impl Wire for Month {
    type On = Month;
    fn to_wire(&self) -> Month {
        *self
    }
    fn from_wire(on: Month) -> Month {
        on
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    type On = (A::On, B::On);
    fn to_wire(&self) -> Self::On {
        (self.0.to_wire(), self.1.to_wire())
    }
    fn from_wire((a, b): Self::On) -> Self {
        (A::from_wire(a), B::from_wire(b))
    }
}

impl<T: Wire> Wire for Vec<T> {
    type On = Vec<T::On>;
    fn to_wire(&self) -> Self::On {
        self.iter().map(Wire::to_wire).collect()
    }
    fn from_wire(on: Self::On) -> Self {
        on.into_iter().map(T::from_wire).collect()
    }
}

impl<T: Wire> Wire for Option<T> {
    type On = Option<T::On>;
    fn to_wire(&self) -> Self::On {
        self.as_ref().map(Wire::to_wire)
    }
    fn from_wire(on: Self::On) -> Self {
        on.map(T::from_wire)
    }
}

/// Writes a field in its wire form.
pub fn serialize<T: Wire, S: Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    v.to_wire().serialize(s)
}

/// Reads a field from its wire form.
pub fn deserialize<'de, T: Wire, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    T::On::deserialize(d).map(T::from_wire)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Shares {
        #[serde(with = "super")]
        x: f64,
        #[serde(with = "super")]
        ticks: Vec<(u64, f64)>,
        #[serde(with = "super")]
        brush: Option<(f64, f64)>,
    }

    #[test]
    fn shares_travel_as_whole_millionths() {
        let s = Shares {
            x: 0.123_456_7,
            ticks: vec![(0, 0.0), (5, 0.5)],
            brush: Some((0.25, 1.0)),
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"x":123457,"ticks":[[0,0],[5,500000]],"brush":[250000,1000000]}"#
        );
        let back: Shares = serde_json::from_str(&json).unwrap();
        assert!((back.x - s.x).abs() < 1e-6);
        assert_eq!((back.ticks, back.brush), (s.ticks, s.brush));
        assert_eq!(f64::NAN.to_wire(), 0);
    }
}
