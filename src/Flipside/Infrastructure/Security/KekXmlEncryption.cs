using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Flipside.Infrastructure.Security;

/// <summary>Seals each Data Protection key's secret with the current KEK before it is written to the database.</summary>
public sealed class KekXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(KekXml.Seal(keys.Current, plaintextElement), typeof(KekXmlDecryptor));
}

/// <summary>Data Protection creates this from the type name stored with each key, through its IServiceProvider constructor.</summary>
public sealed class KekXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => KekXml.Open(services.GetRequiredService<KeyEncryptionKeys>(), encryptedElement);
}

/// <summary>
/// The stored form: <c>&lt;encryptedKey xmlns="urn:flipside:keys" kek="id"&gt;base64&lt;/encryptedKey&gt;</c>
/// inside Data Protection's own <c>encryptedSecret</c> element. The KEK id says which key opens it after a rotation.
/// </summary>
internal static class KekXml
{
    public static readonly XName Element = XNamespace.Get("urn:flipside:keys") + "encryptedKey";

    // Data Protection's own names, used when start-up seals keys that an older Flipside stored in clear.
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    public static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    public static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";

    // Sealed under a purpose of its own, so that a wrapped data key can never pass for a key ring secret.
    private static readonly byte[] Purpose = "Flipside Data Protection key"u8.ToArray();

    public static XElement Seal(KeyEncryptionKey kek, XElement plaintext)
    {
        var bytes = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        try
        {
            return new XElement(Element, new XAttribute("kek", kek.Id), Convert.ToBase64String(Aead.Seal(kek.Material, bytes, Purpose)));
        }
        finally { CryptographicOperations.ZeroMemory(bytes); }
    }

    public static XElement Open(KeyEncryptionKeys keys, XElement sealedElement)
    {
        var id = KekId(sealedElement);
        var kek = keys.Find(id) ?? throw new CryptographicException($"This key was encrypted with key-encryption key {id}, which is not configured.");
        var bytes = Aead.Open(kek.Material, Convert.FromBase64String(sealedElement.Value), Purpose);
        try { return XElement.Parse(Encoding.UTF8.GetString(bytes)); }
        finally { CryptographicOperations.ZeroMemory(bytes); }
    }

    public static string KekId(XElement sealedElement) => (string?)sealedElement.Attribute("kek") ?? "(none)";

    /// <summary>The placeholder Data Protection writes around an encrypted secret, as its XmlKeyManager does.</summary>
    public static XElement EncryptedSecretFor(XElement sealedElement) =>
        new(EncryptedSecret, new XAttribute("decryptorType", typeof(KekXmlDecryptor).AssemblyQualifiedName!), sealedElement);
}
