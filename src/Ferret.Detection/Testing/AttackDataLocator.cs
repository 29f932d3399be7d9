namespace Ferret.Detection.Testing;

/// <summary>
/// Maps an attack data URL of a detection test to a file under a local copy of splunk/attack_data: the part
/// of the URL after <c>attack_data/master/</c> (e.g. <c>datasets/attack_techniques/T1047/.../windows-sysmon.log</c>)
/// is taken relative to the given folder.
/// </summary>
public static class AttackDataLocator
{
    private const string Marker = "attack_data/master/";

    /// <summary>The local path for <paramref name="url"/>, or null when the URL does not name an attack_data file.</summary>
    public static string? LocalPath(string url, string attackDataRoot)
    {
        var at = url.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var relative = Uri.UnescapeDataString(url[(at + Marker.Length)..].Split('?', '#')[0]).Trim('/');
        if (relative.Length == 0 || relative.Split('/').Any(part => part == ".."))
        {
            return null;
        }

        return Path.GetFullPath(Path.Combine(attackDataRoot, relative.Replace('/', Path.DirectorySeparatorChar)));
    }
}
