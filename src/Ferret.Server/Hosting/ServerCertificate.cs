using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ferret.Server.Hosting;

/// <summary>
/// The TLS certificate both ports serve: the user's PKCS#12 file when given, else <c>DATA/server.pfx</c>, generated
/// on first start as a self-signed certificate (RSA 2048, SHA-256, valid ten years, for localhost, 127.0.0.1 and
/// ::1), as Splunk generates its own on first start. Clients of a self-signed server skip verification or trust
/// this file, as with Splunk's.
/// </summary>
internal static class ServerCertificate
{
    public const string FileName = "server.pfx";

    public static X509Certificate2 Load(string dataDirectory, string? path, string? password)
    {
        if (path is not null)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        var generated = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(generated))
        {
            File.WriteAllBytes(generated, Generate().Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(generated, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(generated, null);
    }

    private static X509Certificate2 Generate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ferret-serve", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(Environment.MachineName);
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }
}
