using System.Text;

namespace Ferret.Fuzz;

/// <summary>Deterministic damage (one seed, one mutant): byte flips, overwritten runs, cut and repeated ranges for
/// files; for searches, deleted, repeated and inserted text, with SPL's own punctuation and keywords.</summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] SplPieces =
    [
        "|", "[", "]", "(", ")", "\"", "'", "`", "=", "!=", " AND ", " OR ", " NOT ", ",", ".", "+", "*", "\\", "$",
        "eval x=", "where ", "stats count by ", "rex \"(?<a>.*)\"", "| makeresults count=5 ", "printf(\"%999999999d\",1)",
        "mvappend(x,x)", "match(x,\"(a+)+$\")", "\\ud800", "```", "[search *]", "append [| makeresults]",
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input, int keepPrefix)
    {
        var bytes = input.ToArray();
        var edits = 1 + _random.Next(8);
        for (var i = 0; i < edits && bytes.Length > keepPrefix + 1; i++)
        {
            var at = keepPrefix + _random.Next(bytes.Length - keepPrefix);
            switch (_random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    var run = Math.Min(bytes.Length - at, 1 + _random.Next(16));
                    _random.NextBytes(bytes.AsSpan(at, run));
                    break;
                case 2:
                    bytes[at] = (byte)(_random.Next(2) == 0 ? 0x00 : 0xFF);
                    break;
                default:
                    var length = Math.Min(bytes.Length - at, 1 + _random.Next(64));
                    var target = keepPrefix + _random.Next(bytes.Length - keepPrefix - length + 1);
                    bytes.AsSpan(at, length).ToArray().CopyTo(bytes, target);
                    break;
            }
        }

        return bytes;
    }

    public string Mutate(string search)
    {
        var text = new StringBuilder(search);
        var edits = 1 + _random.Next(6);
        for (var i = 0; i < edits; i++)
        {
            var at = _random.Next(text.Length + 1);
            switch (_random.Next(4))
            {
                case 0 when text.Length > 0:
                    text.Remove(Math.Min(at, text.Length - 1), Math.Min(text.Length - Math.Min(at, text.Length - 1), 1 + _random.Next(12)));
                    break;
                case 1:
                    text.Insert(at, SplPieces[_random.Next(SplPieces.Length)]);
                    break;
                case 2 when text.Length > 0:
                    var start = _random.Next(text.Length);
                    var piece = text.ToString(start, Math.Min(text.Length - start, 1 + _random.Next(30)));
                    text.Insert(at, string.Concat(Enumerable.Repeat(piece, 1 + _random.Next(50))));
                    break;
                default:
                    text.Insert(at, (char)_random.Next(32, 127));
                    break;
            }
        }

        return text.ToString();
    }
}
