using System.Diagnostics;
using System.Globalization;

namespace NewsParsing.Training;

/// <summary>
/// Brown clustering (Brown et al. 1992, "Class-based n-gram models of natural language") with the windowed algorithm of
/// Liang (2005, "Semi-supervised learning for natural language", ch. 3): words are taken in order of decreasing
/// frequency; C clusters are active; each step adds the next word as cluster C + 1 and merges the pair of active
/// clusters whose merge loses the least average mutual information (AMI) of the cluster bigram distribution. When every
/// word has been added, C − 1 more merges build the binary tree over the C clusters, and a word's path is the 0/1 path
/// from the root to its cluster (0 = the merged pair's lower slot, 1 = the other), so words of one cluster share a path
/// and a path prefix is a coarser cluster.
/// </summary>
/// <remarks>
/// <para>Statistics. Bigrams are counted inside segments. The marginals are those of the whole text (a word's count as
/// the left, resp. right, element of any bigram, also with a word not yet added or too rare to be clustered), so adding a
/// word never changes another cluster's marginal. Let n(x,y) be the bigram count of clusters x then y over the words
/// added so far, R(x) = Σ_y n(x,y), K(y) = Σ_x n(x,y), l(x) and r(y) the marginals. The AMI times the number of bigrams,
/// up to a constant that no merge changes, is I = Σ F(n(x,y)) − Σ R(x) ln l(x) − Σ K(y) ln r(y) with F(k) = k ln k.</para>
/// <para>Merge loss. With G(a,b) = F(a) + F(b) − F(a + b) (zero when a or b is zero), merging c and d loses
/// L(c,d) = Σ_{x∉{c,d}} [G(n(c,x), n(d,x)) + G(n(x,c), n(x,d))] + F(n(c,c)) + F(n(c,d)) + F(n(d,c)) + F(n(d,d))
/// − F(n(c,c) + n(c,d) + n(d,c) + n(d,d)) + (R(c) + R(d)) ln(l(c) + l(d)) − R(c) ln l(c) − R(d) ln l(d) + (the same in
/// K and r). Only x linked to both c and d contribute to the sum, so a pair's loss is computed over the non-zero
/// cells of one of them.</para>
/// <para>Incremental updates (as in Liang's implementation, O(C²) per step, never O(C³)). After s and t merge into a,
/// the loss of a pair c, d outside {s, t} changes only through the x = s, t terms of its sum, by
/// G(x_c + x_d, y_c + y_d) − G(x_c, y_c) − G(x_d, y_d) + G(u_c + u_d, v_c + v_d) − G(u_c, v_c) − G(u_d, v_d) with
/// x = n(·,s), y = n(·,t), u = n(s,·), v = n(t,·): the logarithms of the marginals cancel, and the change is zero unless
/// both c and d are linked to s or t. Adding a word f changes R(c) and K(c) of the clusters it is linked to and adds the
/// x = f term, again O(1) per pair from a cached table of ln(l(c) + l(d)). The losses of the pairs with a (or f) are
/// computed afresh. F(k) for small k comes from a table.</para>
/// <para>Determinism: words are ordered by count then ordinal; pairs are scanned in slot order and a tie keeps the
/// first; nothing depends on hashing or threads. The result is the same for the same input on the same runtime.</para>
/// </remarks>
internal sealed class BrownClustering
{
    private const int FTableSize = 1 << 16;
    private static readonly double[] FTable = BuildFTable();

    private readonly int _c;      // active clusters kept
    private readonly int _s;      // slots: C + 1
    private readonly int[] _n;    // n[x * S + y]: bigram count of clusters x then y
    private readonly double[] _loss; // loss[min * S + max] of merging two active slots
    private readonly double[] _lnL;  // ln(l(x) + l(y)), symmetric
    private readonly double[] _lnR;  // ln(r(x) + r(y)), symmetric
    private readonly long[] _rowSum, _colSum, _left, _right;
    private readonly double[] _lnLeft, _lnRight;
    private readonly bool[] _active;
    private readonly int[] _activeList; // active slots in ascending order
    private int _activeCount;

    // Per-merge and per-add scratch (one allocation for the run).
    private readonly int[] _linked;
    private readonly long[] _lx, _ly, _lu, _lv;
    private readonly double[] _lg;
    private readonly int[] _mark;
    private int _stamp;
    private readonly int[] _rowNz, _colNz;

    private BrownClustering(int clusters)
    {
        _c = clusters;
        _s = clusters + 1;
        _n = new int[_s * _s];
        _loss = new double[_s * _s];
        _lnL = new double[_s * _s];
        _lnR = new double[_s * _s];
        _rowSum = new long[_s];
        _colSum = new long[_s];
        _left = new long[_s];
        _right = new long[_s];
        _lnLeft = new double[_s];
        _lnRight = new double[_s];
        _active = new bool[_s];
        _activeList = new int[_s];
        _linked = new int[_s];
        _lx = new long[_s];
        _ly = new long[_s];
        _lu = new long[_s];
        _lv = new long[_s];
        _lg = new double[_s];
        _mark = new int[_s];
        _rowNz = new int[_s];
        _colNz = new int[_s];
    }

    /// <summary>The word bigram statistics the clustering reads.</summary>
    /// <param name="Words">Vocabulary size; word ids are 0 .. Words − 1 in order of decreasing count.</param>
    /// <param name="RightStart">CSR offsets: word w's right neighbours are <c>RightWord[RightStart[w] .. RightStart[w + 1])</c>.</param>
    /// <param name="RightWord">Right neighbour word ids.</param>
    /// <param name="RightCount">Bigram counts (w, right neighbour).</param>
    /// <param name="LeftStart">CSR offsets of left neighbours.</param>
    /// <param name="LeftWord">Left neighbour word ids.</param>
    /// <param name="LeftCount">Bigram counts (left neighbour, w).</param>
    /// <param name="LeftMarginal">Per word: bigrams with the word on the left (with any word, clustered or not).</param>
    /// <param name="RightMarginal">Per word: bigrams with the word on the right.</param>
    internal sealed record Bigrams(int Words, int[] RightStart, int[] RightWord, int[] RightCount, int[] LeftStart, int[] LeftWord, int[] LeftCount,
        long[] LeftMarginal, long[] RightMarginal)
    {
        /// <summary>Counts bigrams over <paramref name="corpus"/>: word ids (0 .. <paramref name="words"/> − 1),
        /// <see cref="Unclustered"/> for a word that is seen but not clustered, <see cref="Boundary"/> between
        /// segments.</summary>
        public static Bigrams Count(int words, ReadOnlySpan<int> corpus)
        {
            var left = new long[words];
            var right = new long[words];
            var keys = new List<long>(corpus.Length);
            for (var i = 1; i < corpus.Length; i++)
            {
                int a = corpus[i - 1], b = corpus[i];
                if (a == Boundary || b == Boundary)
                {
                    continue;
                }

                if (a >= 0)
                {
                    left[a]++;
                }

                if (b >= 0)
                {
                    right[b]++;
                }

                if (a >= 0 && b >= 0)
                {
                    keys.Add(((long)a << 32) | (uint)b);
                }
            }

            var sorted = keys.ToArray();
            Array.Sort(sorted);
            var pairs = new List<(int A, int B, int Count)>();
            for (var i = 0; i < sorted.Length;)
            {
                var j = i + 1;
                while (j < sorted.Length && sorted[j] == sorted[i])
                {
                    j++;
                }

                pairs.Add(((int)(sorted[i] >> 32), (int)(sorted[i] & 0xFFFFFFFF), j - i));
                i = j;
            }

            // Pairs are sorted by (a, b): the right-neighbour CSR falls out directly; the left one is a counting sort by b.
            var rightStart = new int[words + 1];
            var leftStart = new int[words + 1];
            foreach (var (a, b, _) in pairs)
            {
                rightStart[a + 1]++;
                leftStart[b + 1]++;
            }

            for (var w = 0; w < words; w++)
            {
                rightStart[w + 1] += rightStart[w];
                leftStart[w + 1] += leftStart[w];
            }

            var rightWord = new int[pairs.Count];
            var rightCount = new int[pairs.Count];
            var leftWord = new int[pairs.Count];
            var leftCount = new int[pairs.Count];
            var fill = leftStart[..words];
            for (var i = 0; i < pairs.Count; i++)
            {
                var (a, b, count) = pairs[i];
                rightWord[i] = b;
                rightCount[i] = count;
                leftWord[fill[b]] = a;
                leftCount[fill[b]++] = count;
            }

            return new Bigrams(words, rightStart, rightWord, rightCount, leftStart, leftWord, leftCount, left, right);
        }

        /// <summary>Distinct word bigram types.</summary>
        public int Types => RightWord.Length;
    }

    /// <summary>A seen word that is not clustered (too rare, or WikiText's <c>&lt;unk&gt;</c>): it counts in its
    /// neighbours' marginals only.</summary>
    public const int Unclustered = -1;

    /// <summary>Separates two segments: no bigram spans it.</summary>
    public const int Boundary = -2;

    /// <summary>Clusters the words of <paramref name="bigrams"/> into <paramref name="clusters"/> clusters and returns
    /// each word's bit path.</summary>
    /// <param name="bigrams">Word bigram statistics.</param>
    /// <param name="clusters">C, the number of active clusters (and of distinct paths when there are more words).</param>
    /// <param name="progress">Receives a line now and then.</param>
    /// <param name="checkEvery">When positive, every so many steps every active pair's loss is recomputed from its
    /// definition and compared with the incremental table (slow: for small test runs).</param>
    public static string[] Run(Bigrams bigrams, int clusters, Action<string>? progress = null, int checkEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(bigrams);
        return new BrownClustering(Math.Max(1, Math.Min(clusters, bigrams.Words))).Cluster(bigrams, progress, checkEvery);
    }

    private string[] Cluster(Bigrams bigrams, Action<string>? progress, int checkEvery)
    {
        var words = bigrams.Words;
        var watch = Stopwatch.StartNew();

        // Union-find over words: a cluster's words, and which slot a cluster occupies.
        var parent = new int[words];
        var size = new int[words];
        var slotOfRoot = new int[words];
        var rootOfSlot = new int[_s];
        int Find(int w)
        {
            while (parent[w] != w)
            {
                parent[w] = parent[parent[w]];
                w = parent[w];
            }

            return w;
        }

        var free = new Stack<int>();
        for (var slot = _s - 1; slot >= 0; slot--)
        {
            free.Push(slot);
        }

        var steps = 0;
        for (var w = 0; w < words; w++)
        {
            parent[w] = w;
            size[w] = 1;
            var f = free.Pop();
            slotOfRoot[w] = f;
            rootOfSlot[f] = w;
            AddWord(bigrams, w, f, b => slotOfRoot[Find(b)]);
            if (_activeCount > _c)
            {
                var (s, t) = BestPair();
                MergeSlots(s, t);
                int rs = rootOfSlot[s], rt = rootOfSlot[t];
                if (size[rs] < size[rt])
                {
                    (rs, rt) = (rt, rs);
                }

                parent[rt] = rs;
                size[rs] += size[rt];
                slotOfRoot[rs] = s;
                rootOfSlot[s] = rs;
                free.Push(t);
                steps++;
                if (checkEvery > 0 && steps % checkEvery == 0)
                {
                    Check(progress);
                }

                if (steps % 2000 == 0)
                {
                    progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"  added {w + 1:N0} of {words:N0} words, {steps:N0} merges [{watch.Elapsed.TotalSeconds:F0}s]"));
                }
            }
        }

        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  all words added, {steps:N0} merges [{watch.Elapsed.TotalSeconds:F0}s]; building the tree over {_activeCount} clusters"));

        // The C remaining clusters are the leaves; C − 1 more merges make the tree.
        var nodeOfSlot = new int[_s];
        var leafOfSlot = new int[_s];
        var nodes = 0;
        for (var i = 0; i < _activeCount; i++)
        {
            var slot = _activeList[i];
            leafOfSlot[slot] = nodeOfSlot[slot] = nodes++;
        }

        var leaves = nodes;
        var children = new List<(int Zero, int One)>();
        var wordLeaf = new int[words];
        for (var w = 0; w < words; w++)
        {
            wordLeaf[w] = leafOfSlot[slotOfRoot[Find(w)]];
        }

        while (_activeCount > 1)
        {
            var (s, t) = BestPair();
            MergeSlots(s, t);
            children.Add((nodeOfSlot[s], nodeOfSlot[t]));
            nodeOfSlot[s] = nodes++;
            if (checkEvery > 0)
            {
                Check(progress);
            }
        }

        // Paths from the root (the last node) down.
        var paths = new string[nodes];
        paths[nodes - 1] = leaves == 1 ? "0" : "";
        for (var node = nodes - 1; node >= leaves; node--)
        {
            var (zero, one) = children[node - leaves];
            paths[zero] = paths[node] + "0";
            paths[one] = paths[node] + "1";
        }

        var result = new string[words];
        for (var w = 0; w < words; w++)
        {
            result[w] = paths[wordLeaf[w]];
        }

        return result;
    }

    private static double[] BuildFTable()
    {
        var table = new double[FTableSize];
        for (var k = 1; k < FTableSize; k++)
        {
            table[k] = k * Math.Log(k);
        }

        return table;
    }

    private static double F(long k) => k < FTableSize ? FTable[k] : k * Math.Log(k);

    private static double G(long a, long b) => a == 0 || b == 0 ? 0 : F(a) + F(b) - F(a + b);

    private static double Ln(long v) => v > 0 ? Math.Log(v) : 0; // a zero marginal comes with zero row sums

    private int Pair(int a, int b) => a < b ? a * _s + b : b * _s + a;

    /// <summary>Puts word <paramref name="w"/> into the free slot <paramref name="f"/>.</summary>
    private void AddWord(Bigrams bigrams, int w, int f, Func<int, int> slotOfWord)
    {
        var s = _s;
        var n = _n;

        // Row and column f from the word's bigrams with the words added so far (ids below w).
        var stamp = ++_stamp;
        var links = 0;
        long self = 0;
        for (var i = bigrams.RightStart[w]; i < bigrams.RightStart[w + 1]; i++)
        {
            var b = bigrams.RightWord[i];
            if (b == w)
            {
                self += bigrams.RightCount[i];
            }
            else if (b < w)
            {
                var x = slotOfWord(b);
                n[f * s + x] += bigrams.RightCount[i];
                if (_mark[x] != stamp)
                {
                    _mark[x] = stamp;
                    _linked[links++] = x;
                }
            }
        }

        for (var i = bigrams.LeftStart[w]; i < bigrams.LeftStart[w + 1]; i++)
        {
            var a = bigrams.LeftWord[i];
            if (a < w)
            {
                var x = slotOfWord(a);
                n[x * s + f] += bigrams.LeftCount[i];
                if (_mark[x] != stamp)
                {
                    _mark[x] = stamp;
                    _linked[links++] = x;
                }
            }
        }

        // Existing pairs with a linked member: their row/column sums grow, and f is a new x in their sums.
        for (var i = 0; i < links; i++)
        {
            var c = _linked[i];
            long rc = n[c * s + f], kc = n[f * s + c];
            for (var j = 0; j < _activeCount; j++)
            {
                var d = _activeList[j];
                if (d == c || (_mark[d] == stamp && d < c))
                {
                    continue; // a pair of two linked slots is updated once
                }

                long rd = n[d * s + f], kd = n[f * s + d];
                var p = Pair(c, d);
                double lnl = _lnL[p], lnr = _lnR[p];
                _loss[p] += rc * (lnl - _lnLeft[c]) + kc * (lnr - _lnRight[c]) + rd * (lnl - _lnLeft[d]) + kd * (lnr - _lnRight[d])
                    + G(rc, rd) + G(kc, kd);
            }
        }

        long rowSum = self, colSum = self;
        for (var i = 0; i < links; i++)
        {
            var c = _linked[i];
            _rowSum[c] += n[c * s + f];
            _colSum[c] += n[f * s + c];
            rowSum += n[f * s + c];
            colSum += n[c * s + f];
        }

        n[f * s + f] = (int)self;
        _rowSum[f] = rowSum;
        _colSum[f] = colSum;
        _left[f] = bigrams.LeftMarginal[w];
        _right[f] = bigrams.RightMarginal[w];
        _lnLeft[f] = Ln(_left[f]);
        _lnRight[f] = Ln(_right[f]);
        Activate(f);
        RefreshSlot(f);
    }

    /// <summary>Merges slot <paramref name="t"/> into <paramref name="a"/> (<paramref name="a"/> &lt;
    /// <paramref name="t"/>); <paramref name="t"/> becomes free.</summary>
    private void MergeSlots(int a, int t)
    {
        var s = _s;
        var n = _n;

        // Pairs of other clusters linked to a or t: the change of their loss (see the remarks).
        var linked = 0;
        for (var j = 0; j < _activeCount; j++)
        {
            var c = _activeList[j];
            if (c == a || c == t)
            {
                continue;
            }

            long x = n[c * s + a], y = n[c * s + t], u = n[a * s + c], v = n[t * s + c];
            if ((x | y | u | v) != 0)
            {
                _linked[linked] = c;
                _lx[linked] = x;
                _ly[linked] = y;
                _lu[linked] = u;
                _lv[linked] = v;
                _lg[linked] = G(x, y) + G(u, v);
                linked++;
            }
        }

        for (var i = 0; i < linked; i++)
        {
            long xi = _lx[i], yi = _ly[i], ui = _lu[i], vi = _lv[i];
            var gi = _lg[i];
            var row = _linked[i] * s; // _linked is ascending (built from _activeList), so i < j means slot i < slot j
            for (var j = i + 1; j < linked; j++)
            {
                _loss[row + _linked[j]] += G(xi + _lx[j], yi + _ly[j]) + G(ui + _lu[j], vi + _lv[j]) - gi - _lg[j];
            }
        }

        // Counts of the merged cluster.
        var aa = (long)n[a * s + a] + n[a * s + t] + n[t * s + a] + n[t * s + t];
        for (var j = 0; j < _activeCount; j++)
        {
            var x = _activeList[j];
            if (x != a && x != t)
            {
                n[a * s + x] += n[t * s + x];
                n[x * s + a] += n[x * s + t];
            }
        }

        for (var x = 0; x < s; x++)
        {
            n[t * s + x] = 0;
            n[x * s + t] = 0;
        }

        n[a * s + a] = checked((int)aa);
        _rowSum[a] += _rowSum[t];
        _colSum[a] += _colSum[t];
        _left[a] += _left[t];
        _right[a] += _right[t];
        _lnLeft[a] = Ln(_left[a]);
        _lnRight[a] = Ln(_right[a]);
        _rowSum[t] = _colSum[t] = _left[t] = _right[t] = 0;
        Deactivate(t);
        RefreshSlot(a);
    }

    /// <summary>Recomputes the marginal-log tables and every loss of the pairs with <paramref name="c"/>, from the
    /// non-zero cells of its row and column.</summary>
    private void RefreshSlot(int c)
    {
        var s = _s;
        var n = _n;
        int rows = 0, cols = 0;
        for (var j = 0; j < _activeCount; j++)
        {
            var x = _activeList[j];
            if (x == c)
            {
                continue;
            }

            var p = Pair(c, x);
            _lnL[p] = Ln(_left[c] + _left[x]);
            _lnR[p] = Ln(_right[c] + _right[x]);
            if (n[c * s + x] != 0)
            {
                _rowNz[rows++] = x;
            }

            if (n[x * s + c] != 0)
            {
                _colNz[cols++] = x;
            }
        }

        for (var j = 0; j < _activeCount; j++)
        {
            var d = _activeList[j];
            if (d == c)
            {
                continue;
            }

            var sum = 0.0;
            for (var k = 0; k < rows; k++)
            {
                var x = _rowNz[k];
                if (x != d)
                {
                    sum += G(n[c * s + x], n[d * s + x]);
                }
            }

            for (var k = 0; k < cols; k++)
            {
                var x = _colNz[k];
                if (x != d)
                {
                    sum += G(n[x * s + c], n[x * s + d]);
                }
            }

            _loss[Pair(c, d)] = sum + SelfAndMarginalTerms(c, d);
        }
    }

    private double SelfAndMarginalTerms(int c, int d)
    {
        var s = _s;
        var n = _n;
        long cc = n[c * s + c], cd = n[c * s + d], dc = n[d * s + c], dd = n[d * s + d];
        var p = Pair(c, d);
        return F(cc) + F(cd) + F(dc) + F(dd) - F(cc + cd + dc + dd)
            + (_rowSum[c] + _rowSum[d]) * _lnL[p] - _rowSum[c] * _lnLeft[c] - _rowSum[d] * _lnLeft[d]
            + (_colSum[c] + _colSum[d]) * _lnR[p] - _colSum[c] * _lnRight[c] - _colSum[d] * _lnRight[d];
    }

    private (int, int) BestPair()
    {
        var best = double.PositiveInfinity;
        int bs = -1, bt = -1;
        for (var i = 0; i < _activeCount; i++)
        {
            var row = _activeList[i] * _s;
            for (var j = i + 1; j < _activeCount; j++)
            {
                var l = _loss[row + _activeList[j]];
                if (l < best)
                {
                    (best, bs, bt) = (l, i, j);
                }
            }
        }

        return (_activeList[bs], _activeList[bt]);
    }

    private void Activate(int f)
    {
        _active[f] = true;
        var i = _activeCount++;
        while (i > 0 && _activeList[i - 1] > f)
        {
            _activeList[i] = _activeList[i - 1];
            i--;
        }

        _activeList[i] = f;
    }

    private void Deactivate(int t)
    {
        _active[t] = false;
        var i = Array.IndexOf(_activeList, t, 0, _activeCount);
        Array.Copy(_activeList, i + 1, _activeList, i, _activeCount - i - 1);
        _activeCount--;
    }

    /// <summary>Recomputes every active pair's loss from the definition (the AMI before minus after) and reports the
    /// largest difference from the incremental table.</summary>
    private void Check(Action<string>? progress)
    {
        var s = _s;
        var act = _activeList[.._activeCount];
        double Ami(Func<int, int, long> count, int[] clusters, Func<int, long> left, Func<int, long> right)
        {
            var sum = 0.0;
            foreach (var x in clusters)
            {
                long rowSum = 0, colSum = 0;
                foreach (var y in clusters)
                {
                    sum += F(count(x, y));
                    rowSum += count(x, y);
                    colSum += count(y, x);
                }

                sum -= rowSum * Ln(left(x)) + colSum * Ln(right(x));
            }

            return sum;
        }

        var before = Ami((x, y) => _n[x * s + y], act, x => _left[x], x => _right[x]);
        var worst = 0.0;
        foreach (var c in act)
        {
            foreach (var d in act)
            {
                if (d <= c)
                {
                    continue;
                }

                int Map(int x) => x == d ? c : x;
                var merged = act.Where(x => x != d).ToArray();
                long Count(int x, int y) => act.Where(u => Map(u) == x).Sum(u => act.Where(v => Map(v) == y).Sum(v => (long)_n[u * s + v]));
                var after = Ami(Count, merged, x => x == c ? _left[c] + _left[d] : _left[x], x => x == c ? _right[c] + _right[d] : _right[x]);
                worst = Math.Max(worst, Math.Abs(before - after - _loss[Pair(c, d)]) / Math.Max(1, Math.Abs(before - after)));
            }
        }

        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  check over {act.Length} clusters: largest relative loss error {worst:E2}"));
        if (worst > 1e-6)
        {
            throw new InvalidOperationException($"incremental merge loss differs from its definition by {worst:E2}");
        }
    }
}
