//! One stable sort for the whole app. The standard library's sorts are compiled anew for every
//! element and comparator type; across the app's dozen call sites that was about 35 KB of the
//! wasm. Here the merge sort works on indices through one `dyn` comparator, so it exists once.

use std::cmp::Ordering;

/// The order of `0..n` that sorts by `cmp`, stably (merge sort, O(n log n)).
pub fn permutation(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right run only when strictly smaller: that keeps it stable.
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + end - j].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T: Clone>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let p = permutation(v.len(), &|i, j| cmp(&v[i], &v[j]));
    let sorted: Vec<T> = p.into_iter().map(|i| v[i].clone()).collect();
    *v = sorted;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v: Vec<(u8, usize)> = [3, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|x| x.0);
        sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
        assert_eq!(v, expected);
        for n in 0..40 {
            let mut w: Vec<u32> = (0..n).map(|i| (i * 7919 % 13) as u32).collect();
            let mut e = w.clone();
            e.sort();
            sort_by(&mut w, &|a, b| a.cmp(b));
            assert_eq!(w, e);
        }
    }
}
