namespace Ferret.Ingest.Xml;

/// <summary>
/// Closes XML that was cut off (a capture or export truncated in the middle of an event): a tag or entity cut in half is
/// dropped, then every element still open is closed in order. Splunk indexes such a last event as it is and its
/// search-time extractions still read the fields before the cut; closing it lets Ferret's reader do the same.
/// </summary>
internal static class TruncatedXml
{
    public static string Close(string partial)
    {
        var text = partial.TrimEnd();
        var lastOpen = text.LastIndexOf('<');
        if (lastOpen >= 0 && text.IndexOf('>', lastOpen) < 0)
        {
            text = text[..lastOpen];
        }

        var lastAmpersand = text.LastIndexOf('&');
        if (lastAmpersand >= 0 && text.IndexOf(';', lastAmpersand) < 0)
        {
            text = text[..lastAmpersand];
        }

        var open = new Stack<string>();
        var at = 0;
        while ((at = text.IndexOf('<', at)) >= 0)
        {
            var end = text.IndexOf('>', at);
            if (end < 0)
            {
                break;
            }

            var tag = text.AsSpan(at + 1, end - at - 1);
            if (tag.Length > 0 && tag[0] == '/')
            {
                if (open.Count > 0)
                {
                    open.Pop();
                }
            }
            else if (tag.Length > 0 && tag[0] is not ('?' or '!') && tag[^1] != '/')
            {
                var nameEnd = tag.IndexOfAny(" \t\r\n");
                open.Push(new string(nameEnd < 0 ? tag : tag[..nameEnd]));
            }

            at = end + 1;
        }

        var closed = new System.Text.StringBuilder(text);
        foreach (var name in open)
        {
            closed.Append("</").Append(name).Append('>');
        }

        return closed.ToString();
    }
}
