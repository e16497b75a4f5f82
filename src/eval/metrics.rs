//! Agreement statistics: Pearson r, Spearman rho (ties averaged) and ROC AUC.

/// Pearson correlation; `None` when either side has no variance or fewer than two values.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let mean = |v: &[f64]| v[..n].iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(x), mean(y));
    // Deviations scaled to at most 1 before squaring: squares of tiny ones (grades of 4e-162 and
    // 0) underflow, which gave "inf" or a wrong figure. Scaling does not change r.
    let spread = |v: &[f64], m: f64| v[..n].iter().map(|a| (a - m).abs()).fold(0.0, f64::max);
    let (sx, sy) = (spread(x, mx), spread(y, my));
    if !(sx > 0.0 && sy > 0.0 && sx.is_finite() && sy.is_finite()) {
        return None;
    }
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = ((x[i] - mx) / sx, (y[i] - my) / sy);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    // Rounding can push |r| a hair past 1; clamp it back.
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then(|| r.clamp(-1.0, 1.0))
}

/// Spearman correlation: Pearson over ranks, tied values sharing their average rank.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&ranks(x), &ranks(y))
}

/// 1-based ranks, ties averaged.
#[allow(clippy::float_cmp)] // ties are exactly equal values
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let average = (start + end) as f64 / 2.0 + 1.0;
        for &i in &order[start..=end] {
            ranks[i] = average;
        }
        start = end + 1;
    }
    ranks
}

/// Area under the ROC curve of `scores` for the binary `labels` (Mann-Whitney, ties count half);
/// `None` unless both classes occur.
pub fn auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let rank = ranks(scores);
    let positives = labels.iter().filter(|l| **l).count();
    let negatives = labels.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    let rank_sum: f64 = rank.iter().zip(labels).filter(|(_, l)| **l).map(|(r, _)| r).sum();
    let p = positives as f64;
    Some((rank_sum - p * (p + 1.0) / 2.0) / (p * negatives as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny_variances_give_a_finite_correlation() {
        let r = pearson(&[0.5, 0.1], &[4e-162, 0.0]);
        assert_eq!(r, Some(1.0));
        assert_eq!(pearson(&[1.0, 1.0], &[4e-162, 0.0]), None);
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn pearson_of_known_series() {
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), 1.0));
        assert!(close(pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), -1.0));
        assert!(close(pearson(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]), 0.8));
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), None);
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(ranks(&[10.0, 20.0, 10.0, 30.0]), [1.5, 3.0, 1.5, 4.0]);
    }

    #[test]
    fn spearman_sees_monotone_relations() {
        assert!(close(spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 10.0, 100.0, 1000.0]), 1.0));
    }

    #[test]
    fn auc_counts_ordered_pairs_and_half_ties() {
        assert!(close(auc(&[0.1, 0.4, 0.35, 0.8], &[false, false, true, true]), 0.75));
        assert!(close(auc(&[0.5, 0.5], &[false, true]), 0.5));
        assert_eq!(auc(&[0.5, 0.6], &[true, true]), None);
    }
}
