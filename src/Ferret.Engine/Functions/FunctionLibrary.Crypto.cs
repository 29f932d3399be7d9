using System.Security.Cryptography;
using System.Text;
using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Crypto = "Cryptographic";

    private static void AddCrypto(Register add)
    {
        add("md5", (a, _) => Hash(a[0], MD5.HashData));
        add("sha1", (a, _) => Hash(a[0], SHA1.HashData));
        add("sha256", (a, _) => Hash(a[0], SHA256.HashData));
        add("sha512", (a, _) => Hash(a[0], SHA512.HashData));
    }

    /// <summary>Lower-case hexadecimal digest of the UTF-8 text, as Splunk prints it.</summary>
    private static Value Hash(Value value, Func<byte[], byte[]> digest) =>
        Text(value) is { } text ? Value.Of(Convert.ToHexStringLower(digest(Encoding.UTF8.GetBytes(text)))) : Value.Null;
}
