package io.kengine.pricing.crosscontract;

import io.kengine.pricing.text.Glob;
import io.kengine.pricing.text.RuleText;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Markets grouped by event ticker, in the order they were defined (never hash order), with the flags
 * config gives each event: mutually exclusive outcome set and/or threshold ladder. Ladder members are
 * kept sorted by strike, parsed from the ticker's last segment ({@code KXFED-26DEC-T3.00} → 3.00).
 * Everything here changes on definitions and config only; scans read the arrays.
 */
public final class EventGroups {
    private final Map<String, Integer> byEvent = new HashMap<>(); // lookup only, never iterated
    private final int[] groupOf;
    private final double[] strike;
    private String[] eventTicker = new String[16];
    private int[][] members = new int[16][];
    private int[] count = new int[16];
    private int[][] ladder = new int[16][];
    private int[] ladderCount = new int[16];
    private boolean[] exclusive = new boolean[16];
    private boolean[] isLadder = new boolean[16];
    private int groups;

    public EventGroups(int maxMarkets) {
        groupOf = new int[maxMarkets];
        Arrays.fill(groupOf, -1);
        strike = new double[maxMarkets];
    }

    /** Puts a market in its event's group (moving it when its event changed). */
    public void define(int m, String event, String ticker, List<Glob> exclusivePatterns, List<Glob> ladderPatterns) {
        int old = groupOf[m];
        if (old >= 0 && eventTicker[old].equals(event)) {
            strike[m] = parseStrike(ticker);
            sortLadder(old);
            return;
        }
        if (old >= 0) {
            remove(old, m);
        }
        groupOf[m] = -1;
        if (event == null || event.isEmpty()) {
            return;
        }
        Integer g = byEvent.get(event);
        if (g == null) {
            g = newGroup(event, exclusivePatterns, ladderPatterns);
        }
        int gi = g;
        if (count[gi] == members[gi].length) {
            members[gi] = Arrays.copyOf(members[gi], count[gi] * 2);
            ladder[gi] = Arrays.copyOf(ladder[gi], count[gi] * 2);
        }
        members[gi][count[gi]++] = m;
        groupOf[m] = gi;
        strike[m] = parseStrike(ticker);
        sortLadder(gi);
    }

    /** Re-reads the exclusive / ladder flags of every event after a config change. */
    public void reflag(List<Glob> exclusivePatterns, List<Glob> ladderPatterns) {
        for (int g = 0; g < groups; g++) {
            exclusive[g] = RuleText.anyMatches(exclusivePatterns, eventTicker[g], null);
            isLadder[g] = RuleText.anyMatches(ladderPatterns, eventTicker[g], null);
        }
    }

    private int newGroup(String event, List<Glob> exclusivePatterns, List<Glob> ladderPatterns) {
        int g = groups++;
        if (g == eventTicker.length) {
            int n = g * 2;
            eventTicker = Arrays.copyOf(eventTicker, n);
            members = Arrays.copyOf(members, n);
            count = Arrays.copyOf(count, n);
            ladder = Arrays.copyOf(ladder, n);
            ladderCount = Arrays.copyOf(ladderCount, n);
            exclusive = Arrays.copyOf(exclusive, n);
            isLadder = Arrays.copyOf(isLadder, n);
        }
        eventTicker[g] = event;
        members[g] = new int[4];
        ladder[g] = new int[4];
        exclusive[g] = RuleText.anyMatches(exclusivePatterns, event, null);
        isLadder[g] = RuleText.anyMatches(ladderPatterns, event, null);
        byEvent.put(event, g);
        return g;
    }

    private void remove(int g, int m) {
        int n = count[g];
        for (int i = 0; i < n; i++) {
            if (members[g][i] == m) {
                System.arraycopy(members[g], i + 1, members[g], i, n - i - 1);
                count[g] = n - 1;
                break;
            }
        }
        sortLadder(g);
    }

    /** Ladder order: members with a strike, ascending (insertion sort: groups are small, defines rare). */
    private void sortLadder(int g) {
        int k = 0;
        for (int i = 0; i < count[g]; i++) {
            int m = members[g][i];
            if (!Double.isNaN(strike[m])) {
                int j = k++;
                while (j > 0 && strike[ladder[g][j - 1]] > strike[m]) {
                    ladder[g][j] = ladder[g][j - 1];
                    j--;
                }
                ladder[g][j] = m;
            }
        }
        ladderCount[g] = k;
    }

    /** The strike in a ticker's last dash segment after its leading letters, or NaN. */
    static double parseStrike(String ticker) {
        if (ticker == null) {
            return Double.NaN;
        }
        int dash = ticker.lastIndexOf('-');
        int i = dash + 1;
        while (i < ticker.length() && Character.isLetter(ticker.charAt(i))) {
            i++;
        }
        if (dash < 0 || i >= ticker.length()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(ticker.substring(i));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public int groupOf(int m) { return groupOf[m]; }
    public int count(int g) { return count[g]; }
    public int member(int g, int i) { return members[g][i]; }
    public boolean exclusive(int g) { return exclusive[g]; }
    public boolean ladder(int g) { return isLadder[g]; }
    public int ladderCount(int g) { return ladderCount[g]; }
    /** i-th member by ascending strike. */
    public int ladderMember(int g, int i) { return ladder[g][i]; }
    public double strike(int m) { return strike[m]; }
    public int groups() { return groups; }
    public String eventTicker(int g) { return eventTicker[g]; }
}
