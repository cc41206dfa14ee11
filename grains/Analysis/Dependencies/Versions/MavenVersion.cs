namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// A Maven version ordered by the rules of Maven's <c>ComparableVersion</c>: the string is split into numbers and
/// qualifiers at dots, hyphens and digit/letter transitions; a hyphen (or a transition) opens a nested list;
/// trailing "null" items (0, "", ga, final, release) are dropped so 1 = 1.0 = 1-ga; qualifiers order
/// alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; "" &lt; sp &lt; anything else (alphabetically).
/// </summary>
public sealed class MavenVersion : IComparable<MavenVersion>
{
    private static readonly string[] KnownQualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    private readonly ListItem _items;

    private MavenVersion(ListItem items) => _items = items;

    public static MavenVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var version = text.Trim().ToLowerInvariant();
        var root = new ListItem();
        var list = root;
        var lists = new Stack<ListItem>();
        lists.Push(list);
        var isDigit = false;
        var start = 0;
        for (var i = 0; i < version.Length; i++)
        {
            var c = version[i];
            if (c is '.' or '-')
            {
                list.Add(i == start ? new IntItem("0") : ParseItem(isDigit, version[start..i], followedByDigit: false));
                start = i + 1;
                if (c == '-')
                {
                    list = OpenList(list, lists);
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                // "alpha1" reads as "alpha-1": the number belongs to the qualifier, in a list of its own; and
                // ".X" reads as "-X" for a qualifier X (1.0.0.X1 < 1.0.0-X2), as in Maven 3.
                if (!isDigit && i > start)
                {
                    if (!list.IsNull)
                    {
                        list = OpenList(list, lists);
                    }

                    list.Add(new StringItem(version[start..i], followedByDigit: true));
                    start = i;
                    list = OpenList(list, lists);
                }

                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Add(ParseItem(isDigit: true, version[start..i], followedByDigit: false));
                    start = i;
                    list = OpenList(list, lists);
                }

                isDigit = false;
            }
        }

        if (version.Length > start)
        {
            if (!isDigit && !list.IsNull)
            {
                list = OpenList(list, lists);
            }

            list.Add(ParseItem(isDigit, version[start..], followedByDigit: false));
        }

        while (lists.Count > 0)
        {
            lists.Pop().Normalize();
        }

        return new MavenVersion(root);
    }

    public int CompareTo(MavenVersion? other) => other is null ? 1 : Math.Sign(_items.CompareTo(other._items));

    private static ListItem OpenList(ListItem parent, Stack<ListItem> lists)
    {
        var child = new ListItem();
        parent.Add(child);
        lists.Push(child);
        return child;
    }

    private static Item ParseItem(bool isDigit, string text, bool followedByDigit) =>
        isDigit ? new IntItem(text) : new StringItem(text, followedByDigit);

    private abstract class Item
    {
        public abstract bool IsNull { get; }

        /// <summary>Compares with another item, or with "nothing" when <paramref name="other"/> is null.</summary>
        public abstract int CompareTo(Item? other);
    }

    private sealed class IntItem(string digits) : Item
    {
        public string Digits { get; } = digits;

        public override bool IsNull => NumericText.IsZero(Digits);

        public override int CompareTo(Item? other) => other switch
        {
            null => IsNull ? 0 : 1,
            IntItem number => NumericText.Compare(Digits, number.Digits),
            // 1.1 > 1-1 > 1.alpha: numbers beat lists and qualifiers.
            _ => 1,
        };
    }

    private sealed class StringItem : Item
    {
        public StringItem(string value, bool followedByDigit)
        {
            if (followedByDigit && value.Length == 1)
            {
                // "a1", "b2", "m3" are shorthand for alpha-1, beta-2, milestone-3.
                value = value switch { "a" => "alpha", "b" => "beta", "m" => "milestone", _ => value };
            }

            Value = value switch { "ga" or "final" or "release" => "", "cr" => "rc", _ => value };
        }

        public string Value { get; }

        public override bool IsNull => Value.Length == 0;

        public override int CompareTo(Item? other) => other switch
        {
            null => string.CompareOrdinal(Rank(Value), Rank("")),
            StringItem text => string.CompareOrdinal(Rank(Value), Rank(text.Value)),
            // 1-alpha < 1-1 and 1-alpha < 1.1: a qualifier is older than any number or list at its place.
            _ => -1,
        };

        /// <summary>Known qualifiers rank by position; unknown ones come after all of them, alphabetically.</summary>
        private static string Rank(string qualifier)
        {
            var index = Array.IndexOf(KnownQualifiers, qualifier);
            return index >= 0
                ? index.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : $"{KnownQualifiers.Length}-{qualifier}";
        }
    }

    private sealed class ListItem : Item
    {
        private readonly List<Item> _items = [];

        public override bool IsNull => _items.Count == 0;

        public void Add(Item item) => _items.Add(item);

        /// <summary>Drops trailing null items, stopping at the first nested list, as Maven does.</summary>
        public void Normalize()
        {
            for (var i = _items.Count - 1; i >= 0; i--)
            {
                var last = _items[i];
                if (last.IsNull)
                {
                    _items.RemoveAt(i);
                }
                else if (last is not ListItem)
                {
                    break;
                }
            }
        }

        public override int CompareTo(Item? other)
        {
            switch (other)
            {
                case null:
                    // 1-0 = 1: every item is weighed against "nothing", not only the first (Maven MNG-6964).
                    return _items.Select(item => item.CompareTo(null)).FirstOrDefault(order => order != 0);
                case IntItem:
                    return -1;
                case StringItem:
                    return 1;
            }

            var list = (ListItem)other;
            for (var i = 0; i < Math.Max(_items.Count, list._items.Count); i++)
            {
                var left = i < _items.Count ? _items[i] : null;
                var right = i < list._items.Count ? list._items[i] : null;
                var order = left is null ? -(right?.CompareTo(null) ?? 0) : left.CompareTo(right);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
