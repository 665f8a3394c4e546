package io.kengine.pricing.crosscontract;

import io.kengine.pricing.market.Markets;
import io.kengine.pricing.text.RuleText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code pricing.m3.pairs}: configured correlated pairs, {@code A~B} or {@code A~B:beta} by exact
 * ticker (e.g. {@code KXHIGHNY-26JAN05-T40~KXHIGHPHIL-26JAN05-T40:1.0}). For each pair the spread
 * s = mid(A) − β·mid(B) is tracked as an EWMA per book update of either leg; M3 quotes each leg around
 * the value the other leg and the average spread imply (A: β·mid(B) + s̄; B: (mid(A) − s̄)/β), blended
 * with its own fair value. Doubles: a model.
 */
public final class PairSpreads {
    private final int[] pairOf;
    private String[] tickerA = new String[0];
    private String[] tickerB = new String[0];
    private double[] beta = new double[0];
    private int[] legA = new int[0];
    private int[] legB = new int[0];
    private double[] mean = new double[0];
    private boolean[] seeded = new boolean[0];

    public PairSpreads(int maxMarkets) {
        pairOf = new int[maxMarkets];
        Arrays.fill(pairOf, -1);
    }

    public static String canonical(String text) {
        List<String> out = new ArrayList<>();
        for (String e : RuleText.entries(text)) {
            Object[] p = parse(e);
            out.add(p[0] + "~" + p[1] + ":" + p[2]);
        }
        return RuleText.join(out);
    }

    private static Object[] parse(String e) {
        int tilde = e.indexOf('~');
        if (tilde <= 0 || tilde == e.length() - 1) {
            throw new IllegalArgumentException("pair \"" + e + "\" must be TICKER_A~TICKER_B or TICKER_A~TICKER_B:beta");
        }
        String a = e.substring(0, tilde).strip();
        String rest = e.substring(tilde + 1);
        int colon = rest.indexOf(':');
        String b = (colon < 0 ? rest : rest.substring(0, colon)).strip();
        double beta = 1.0;
        if (colon >= 0) {
            try {
                beta = Double.parseDouble(rest.substring(colon + 1).strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("pair \"" + e + "\": beta must be a number");
            }
            if (!(beta > 0) || beta > 100) {
                throw new IllegalArgumentException("pair \"" + e + "\": beta must be in (0, 100]");
            }
        }
        if (a.isEmpty() || b.isEmpty() || a.equals(b) || a.indexOf('*') >= 0 || b.indexOf('*') >= 0) {
            throw new IllegalArgumentException("pair \"" + e + "\" needs two different exact tickers");
        }
        return new Object[] {a, b, beta};
    }

    /** New pair rules: forget the old pairs, then link every defined market. */
    public void configure(String text, Markets markets) {
        List<String> entries = RuleText.entries(text);
        int n = entries.size();
        tickerA = new String[n];
        tickerB = new String[n];
        beta = new double[n];
        legA = new int[n];
        legB = new int[n];
        mean = new double[n];
        seeded = new boolean[n];
        Arrays.fill(legA, -1);
        Arrays.fill(legB, -1);
        Arrays.fill(pairOf, -1);
        for (int i = 0; i < n; i++) {
            Object[] p = parse(entries.get(i));
            tickerA[i] = (String) p[0];
            tickerB[i] = (String) p[1];
            beta[i] = (Double) p[2];
        }
        for (int m = 0; m < markets.limit(); m++) {
            if (markets.isDefined(m)) {
                define(m, markets.ticker(m));
            }
        }
    }

    public void define(int m, String ticker) {
        for (int i = 0; i < tickerA.length; i++) {
            if (tickerA[i].equals(ticker)) {
                legA[i] = m;
                pairOf[m] = i;
            } else if (tickerB[i].equals(ticker)) {
                legB[i] = m;
                pairOf[m] = i;
            }
        }
    }

    /** A leg's book changed: update the pair's average spread. */
    public void onBook(int m, Markets markets, double alpha) {
        int p = pairOf[m];
        if (p < 0 || legA[p] < 0 || legB[p] < 0) {
            return;
        }
        long a = markets.liveMid(legA[p]);
        long b = markets.liveMid(legB[p]);
        if (a < 0 || b < 0) {
            return;
        }
        double s = a - beta[p] * b;
        if (!seeded[p]) {
            mean[p] = s;
            seeded[p] = true;
        } else {
            mean[p] += alpha * (s - mean[p]);
        }
    }

    /** The pair-implied fair value of {@code m} ($0.0001), or −1 without a live partner and a spread. */
    public long implied(int m, Markets markets) {
        int p = pairOf[m];
        if (p < 0 || !seeded[p] || legA[p] < 0 || legB[p] < 0) {
            return -1;
        }
        if (legA[p] == m) {
            long b = markets.liveMid(legB[p]);
            return b < 0 ? -1 : Math.round(beta[p] * b + mean[p]);
        }
        long a = markets.liveMid(legA[p]);
        return a < 0 ? -1 : Math.round((a - mean[p]) / beta[p]);
    }

    public boolean isPaired(int m) {
        return pairOf[m] >= 0;
    }
}
