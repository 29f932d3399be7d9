namespace Ferret.Server.Web;

/// <summary>
/// A user of the web pages, from the settings file's <c>users</c> (the admin of <c>ferret serve</c> is always one, with
/// the <c>admin</c> role). Roles follow Enterprise Security's: <c>ess_user</c> reads, <c>ess_analyst</c> also triages
/// notables (status, owner, comment), <c>ess_admin</c> and <c>admin</c> also enable and disable detections.
/// </summary>
public sealed record WebUser(string Name, string Password, IReadOnlyList<string> Roles)
{
    public bool CanTriage => Roles.Any(r => r is "admin" or "ess_admin" or "ess_analyst");

    public bool CanManageDetections => Roles.Any(r => r is "admin" or "ess_admin");
}
