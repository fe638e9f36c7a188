namespace Rfc.Documents.Search;

/// <summary>
/// Orders what the store found for a query the way a person means it: the current defining specification of the
/// protocol named first, then the documents around it. A weighted sum of signals (<see cref="ScoreParts"/>), none of
/// which knows any particular query or RFC.
/// </summary>
/// <remarks>
/// The weights were found by measuring top-1 and top-3 hit rates on the shared query set with both index formats
/// (<c>benchmarks/search-quality.sh</c>), changing one weight at a time and keeping a change only when it helped
/// both formats; each constant says what moved it.
/// </remarks>
internal static class SearchRanker
{
    /// <summary>
    /// bm25 relative to the best match. Kept low: bm25 rewards a title that repeats the word ("SIP … SIP … SIP")
    /// and short abstracts, which is what put Telnet options before the Telnet specification.
    /// </summary>
    public const double TextWeight = 0.5;

    /// <summary>
    /// The share of the query's words in the title. Multi-word queries ("ipv6 neighbor discovery", "path mtu
    /// discovery") are found through the title far more reliably than through abstracts, which mention everything.
    /// </summary>
    public const double CoverageWeight = 1.5;

    /// <summary>
    /// A title that is the name (and nothing else but generic words), starts with it, or expands its acronym; or a
    /// keyword equal to the query. The strongest single signal: it alone moved SIP, RADIUS, LDAP, Telnet, OpenPGP.
    /// </summary>
    public const double NameWeight = 2.0;

    /// <summary>Status, stream and obsolescence: second strongest; it separates the standard from the Informational tutorial.</summary>
    public const double StandingWeight = 1.5;

    /// <summary>How many RFCs update it: the hub of a protocol family (SNMP's architecture, Kerberos V5) gathers updates.</summary>
    public const double CentralityWeight = 1.0;

    /// <summary>The version asked for (<c>tls 1.2</c>); a title with another version loses as much.</summary>
    public const double VersionWeight = 1.5;

    /// <summary>
    /// The name value of a title that opens with the name and a delimiter but goes on ("RTP: A Transport Protocol for
    /// Real-Time Applications"): below a title that is only the name, above one that merely contains it.
    /// </summary>
    public const double LeadingName = 0.7;

    /// <summary>
    /// The name value of a keyword equal to the query (XML index). Low: keywords are assigned loosely, and at 0.8 every
    /// SNMP MIB with the keyword "SNMP" outranked SNMP's architecture.
    /// </summary>
    public const double KeywordName = 0.4;

    /// <summary>Title words whose marks fit on the stack (64 bytes): longer titles, should one come, use the heap.</summary>
    private const int MaxStackTokens = 64;

    /// <summary>Scores every candidate and returns them best first (ties: the newer RFC first).</summary>
    public static IReadOnlyList<RankedCandidate> Rank(SearchQuery query, IReadOnlyList<IndexCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        double best = candidates.Count == 0 ? 0 : candidates.Max(c => c.TextScore);
        var prepared = new PreparedQuery(query);
        var ranked = new List<RankedCandidate>(candidates.Count);
        foreach (IndexCandidate candidate in candidates)
        {
            ranked.Add(new RankedCandidate(candidate, Score(prepared, candidate, best)));
        }

        PassNamesToReplacements(ranked);
        ranked.Sort((a, b) => b.Score.Total != a.Score.Total ? b.Score.Total.CompareTo(a.Score.Total) : b.Candidate.Number.Value.CompareTo(a.Candidate.Number.Value));
        return ranked;
    }

    /// <summary>The score of one candidate; <paramref name="bestText"/> is the best <see cref="IndexCandidate.TextScore"/> among them.</summary>
    public static ScoreParts Score(SearchQuery query, IndexCandidate candidate, double bestText)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        return Score(new PreparedQuery(query), candidate, bestText);
    }

    private static ScoreParts Score(PreparedQuery query, IndexCandidate candidate, double bestText)
    {
        double text = bestText > 0 ? Math.Clamp(candidate.TextScore / bestText, 0, 1) : 0;
        double standing = StandingPrior.Standing(candidate.Status, candidate.IsObsoleted, candidate.Stream, candidate.InSubseries);
        double centrality = StandingPrior.Centrality(candidate.UpdatedBy, candidate.CitedBy);
        double coverage = 0, name = 0, version = 0;
        if (query.Kind == SearchQueryKind.Words)
        {
            // One tokenization of the title, into the search's reused buffer, serves every signal (ranking a broad
            // query reads hundreds of titles).
            TitleTokens tokens = query.Tokens.Read(candidate.Title);
            (coverage, name) = Naming(query, candidate, tokens);
            version = Version(query, tokens);
        }

        double total = (TextWeight * text) + (CoverageWeight * coverage) + (NameWeight * name) + (StandingWeight * standing)
            + (CentralityWeight * centrality) + (VersionWeight * version);
        return new ScoreParts(Round(text), Round(coverage), Round(name), Round(standing), Round(centrality), version, Round(total));
    }

    private static double Round(double value) => Math.Round(value, 4);

    /// <summary>
    /// Gives each current version among the candidates the name value of an obsoleted candidate it replaces, when
    /// that is higher: the replacement is now the definition of what the old title named. "Virtual Router Redundancy
    /// Protocol" (obsoleted) names <c>vrrp</c> outright, "Virtual Router Redundancy Protocol (VRRP) Version 3 for IPv4
    /// and IPv6" (its replacement) only in part, so the old one ranked first; with the name passed on, the obsoleted
    /// one's lower standing puts it below its replacement, as the issue asks. Only from an RFC with one current version:
    /// one split into several does not say which part carries on its name (LDAP's RFC 2251 became RFC 4510 to 4519, the
    /// protocol one of ten; passed to all ten, the protocol lost first place to a sibling, and so did DMARC's on both
    /// indexes). And only to a replacement whose own title or keywords name the query at least in part. Measured on the
    /// shared queries and a second set of 76 everyday queries (benchmarks/search-quality.sh with RFC_QUERIES).
    /// </summary>
    private static void PassNamesToReplacements(List<RankedCandidate> ranked)
    {
        Dictionary<int, int>? positions = null;
        for (int i = 0; i < ranked.Count; i++)
        {
            RankedCandidate old = ranked[i];
            IReadOnlyList<int> current = old.Candidate.CurrentVersions;
            if (current.Count != 1 || old.Score.Name == 0)
            {
                continue;
            }

            if (positions is null)
            {
                positions = new Dictionary<int, int>(ranked.Count);
                for (int j = 0; j < ranked.Count; j++)
                {
                    positions[ranked[j].Candidate.Number.Value] = j;
                }
            }

            // A chain's end is never obsoleted itself, so what it is given is never passed on again.
            if (positions.TryGetValue(current[0], out int at) && ranked[at].Score is { Name: > 0 } parts && parts.Name < old.Score.Name)
            {
                ranked[at] = ranked[at] with { Score = parts with { Name = old.Score.Name, Total = Round(parts.Total + (NameWeight * (old.Score.Name - parts.Name))) } };
            }
        }
    }

    /// <summary>
    /// Coverage (the share of name words in the title, literally or as the expansion of an acronym, averaged with
    /// the share found anywhere) and how much the title is nothing but the name: 1 / (1 + title words left over that
    /// are not generic), at least <see cref="LeadingName"/> when the title opens with the name ("SIP: …"); a keyword
    /// equal to the query gives <see cref="KeywordName"/>.
    /// </summary>
    private static (double Coverage, double Name) Naming(PreparedQuery query, IndexCandidate candidate, TitleTokens tokens)
    {
        QueryTerm[] names = query.Names;
        if (names.Length == 0)
        {
            return (0, 0);
        }

        // On the stack for every title an index holds (no RFC title has MaxStackTokens words): ranking reads hundreds.
        Span<bool> covered = tokens.Count <= MaxStackTokens ? stackalloc bool[MaxStackTokens] : new bool[tokens.Count];
        covered = covered[..tokens.Count];
        covered.Clear();
        int found = 0;
        for (int n = 0; n < names.Length; n++)
        {
            QueryTerm term = names[n];
            int at = SearchText.IndexOfPhrase(tokens, term.Tokens);
            if (at >= 0)
            {
                Mark(covered, at, term.Tokens.Count);
            }

            // The acronym's expansion in the same title ("SIP: Session Initiation Protocol", "JavaScript Object Notation
            // (JSON)"), or as other titles of the index spell it out, is the name too.
            (int start, int run) = term.Tokens.Count == 1 ? SearchText.FindExpansion(tokens, term.Tokens[0]) : (-1, 0);
            if (start < 0)
            {
                (start, run) = SearchText.FindSpelledOut(tokens, term.Tokens);
            }

            IReadOnlyList<IReadOnlyList<string>> expansions = query.Expansions[n];
            for (int e = 0; e < expansions.Count; e++) // Not foreach: its boxed enumerator, once per title.
            {
                IReadOnlyList<string> expansion = expansions[e];
                int spelled = start < 0 ? SearchText.IndexOfPhrase(tokens, expansion) : -1;
                if (spelled >= 0)
                {
                    (start, run) = (spelled, expansion.Count);
                }
            }

            if (start >= 0)
            {
                Mark(covered, start, run);
            }

            if (at >= 0 || start >= 0)
            {
                found++;
            }
        }

        // Does the title open with the name and then a delimiter ("SIP: …", "… (LDAP): The Protocol")?
        int first = tokens.Count > 1 && tokens[0] is "the" or "a" or "an" ? 1 : 0;
        int end = first;
        while (end < tokens.Count && covered[end])
        {
            end++;
        }

        bool leads = end > first && SearchText.EndsAtDelimiter(tokens, end);

        // Words that name nothing ("protocol", "version 2") and versions glued to the name ("SNMPv3") are not left over;
        // nor is whatever follows "version", its label however spelt ("Version 4rev2": IMAP's current specification
        // had a word left over that its extensions' titles, "(IMAP) - MOVE Extension", did not).
        int leftOver = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            bool versionLabel = i > 0 && tokens[i - 1] is "version";
            if (!covered[i] && !versionLabel && !SearchText.IsGeneric(tokens[i]) && !query.TermTokens.Contains(tokens[i]))
            {
                leftOver++;
            }
        }

        double titleShare = (double)found / names.Length;
        double coverage = (titleShare + (candidate.MatchesAll ? 1 : titleShare)) / 2;
        double name = 0;
        if (found == names.Length)
        {
            name = Math.Max(1.0 / (1 + leftOver), leads ? LeadingName : 0);
        }

        IReadOnlyList<string> keywords = candidate.Keywords;
        for (int k = 0; k < keywords.Count; k++)
        {
            if (SearchText.TokensEqual(keywords[k], query.NameWords))
            {
                name = Math.Max(name, KeywordName);
                break;
            }
        }

        return (coverage, name);
    }

    private static void Mark(Span<bool> covered, int start, int length)
    {
        for (int i = start; i < start + length && i < covered.Length; i++)
        {
            covered[i] = true;
        }
    }

    /// <summary>1 when the title carries the version asked for, -1 when it names a different version, else 0.</summary>
    private static double Version(PreparedQuery query, TitleTokens tokens)
    {
        if (query.VersionDigits.Length == 0)
        {
            return 0;
        }

        foreach (string[] digits in query.VersionDigits)
        {
            if (SearchText.IndexOfPhrase(tokens, digits) >= 0)
            {
                return 1;
            }

            for (int i = 0; i < tokens.Count; i++)
            {
                ReadOnlySpan<char> token = tokens[i];
                if (token.Length > digits[0].Length && token.EndsWith(digits[0]) && token[^(digits[0].Length + 1)] == 'v')
                {
                    return 1;
                }
            }
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            bool afterVersion = i > 0 && tokens[i - 1] is "version" && char.IsAsciiDigit(tokens[i][0]);
            int v = tokens[i].LastIndexOf('v');
            bool glued = v > 0 && SearchText.IsVersionToken(tokens[i][v..]);
            if (afterVersion || glued)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>What scoring needs of the query, worked out once per search rather than once per candidate.</summary>
    private sealed class PreparedQuery
    {
        public PreparedQuery(SearchQuery query)
        {
            Kind = query.Kind;
            Names = [.. query.NameTerms];
            Expansions = [.. Names.Select(t => query.Expansions.GetValueOrDefault(t) ?? [])];
            NameWords = string.Join(' ', Names.SelectMany(t => t.Tokens));
            TermTokens = new HashSet<string>(query.Terms.SelectMany(t => t.Tokens), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            VersionDigits = [.. query.VersionTerms.Select(t => t.Tokens.Select(v => v.TrimStart('v')).ToArray())];
        }

        public SearchQueryKind Kind { get; }

        /// <summary>The terms that name something (not versions), in query order.</summary>
        public QueryTerm[] Names { get; }

        /// <summary>The expansions mined for each of <see cref="Names"/>, by position.</summary>
        public IReadOnlyList<IReadOnlyList<string>>[] Expansions { get; }

        /// <summary>The name terms' tokens joined by spaces: what a keyword equal to the query reads as.</summary>
        public string NameWords { get; }

        /// <summary>Every token of the query, versions included, looked up by a title's token in place.</summary>
        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TermTokens { get; }

        /// <summary>The buffer each candidate's title is split into, reused from one to the next.</summary>
        public TitleTokens Tokens { get; } = new();

        /// <summary>Each version term's tokens without a leading <c>v</c> (<c>v3</c> is 3).</summary>
        public string[][] VersionDigits { get; }
    }
}
