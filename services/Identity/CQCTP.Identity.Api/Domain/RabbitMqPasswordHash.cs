using System.Security.Cryptography;
using System.Text;

namespace CQCTP.Identity.Api.Domain;

/// <summary>
/// RabbitMQ's own salted password hash (<c>rabbit_password_hashing_sha256</c>, its default): base64 of a 4-byte salt
/// followed by SHA-256(salt + UTF-8 password). Handing the broker this instead of the password means whoever creates
/// the user never has to keep the plaintext.
/// </summary>
public static class RabbitMqPasswordHash
{
    public static string Compute(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(4);
        byte[] salted = [.. salt, .. Encoding.UTF8.GetBytes(password)];
        return Convert.ToBase64String([.. salt, .. SHA256.HashData(salted)]);
    }
}
