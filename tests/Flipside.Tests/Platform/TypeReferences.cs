using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Flipside.Tests.Platform;

/// <summary>A type that code refers to: its full name (nested types joined with '+') and the assembly that defines it.</summary>
public sealed record TypeRef(string FullName, string Assembly)
{
    public string Namespace
    {
        get
        {
            var outer = FullName.Split('+')[0];
            var dot = outer.LastIndexOf('.');
            return dot >= 0 ? outer[..dot] : "";
        }
    }

    public override string ToString() => $"{FullName} [{Assembly}]";
}

/// <summary>
/// Every type each top-level type of an assembly refers to, read from its metadata and IL with System.Reflection.Metadata:
/// base types, interfaces, generic constraints, fields, properties, method signatures and locals, attributes, and every
/// type, method and field token in method bodies (calls, ldtoken in expression trees, casts). Nested types (closures,
/// async state machines, lambdas' display classes) count for the type that declares them.
/// </summary>
public sealed class TypeReferences
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    // Valid only while the constructor reads the file.
    private readonly MetadataReader _reader;
    private readonly PEReader _pe;
    private readonly string _assembly;
    private readonly Dictionary<string, string?> _bases;

    /// <summary>References per top-level type (full name).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<TypeRef>> ByType { get; }

    public TypeReferences(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _assembly = _reader.GetString(_reader.GetAssemblyDefinition().Name);
        var result = new Dictionary<string, HashSet<TypeRef>>();
        foreach (var handle in _reader.TypeDefinitions)
        {
            var owner = Outermost(handle);
            if (!result.TryGetValue(owner, out var refs)) result[owner] = refs = [];
            Collect(handle, refs);
        }
        ByType = result.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<TypeRef>)kv.Value);
        _bases = _reader.TypeDefinitions.ToDictionary(Name, h => _reader.GetTypeDefinition(h).BaseType is { IsNil: false } b ? NameOf(b) : null);
    }

    /// <summary>Types whose base type chain (within this assembly) reaches the named type.</summary>
    public IReadOnlySet<string> Deriving(string baseFullName)
    {
        return _bases.Keys.Where(t =>
        {
            for (var b = _bases[t]; b is not null; b = _bases.GetValueOrDefault(b))
                if (b == baseFullName) return true;
            return false;
        }).ToHashSet();
    }

    private string Outermost(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        return type.GetDeclaringType() is { IsNil: false } outer ? Outermost(outer) : Name(handle);
    }

    private void Collect(TypeDefinitionHandle handle, HashSet<TypeRef> refs)
    {
        var type = _reader.GetTypeDefinition(handle);
        var provider = new Recorder(this, refs);
        if (!type.BaseType.IsNil) Record(type.BaseType, provider);
        foreach (var i in type.GetInterfaceImplementations()) Record(_reader.GetInterfaceImplementation(i).Interface, provider);
        Attributes(type.GetCustomAttributes(), provider);
        GenericParameters(type.GetGenericParameters(), provider);
        foreach (var f in type.GetFields())
        {
            var field = _reader.GetFieldDefinition(f);
            field.DecodeSignature(provider, null);
            Attributes(field.GetCustomAttributes(), provider);
        }
        foreach (var p in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(p);
            property.DecodeSignature(provider, null);
            Attributes(property.GetCustomAttributes(), provider);
        }
        foreach (var m in type.GetMethods())
        {
            var method = _reader.GetMethodDefinition(m);
            method.DecodeSignature(provider, null);
            Attributes(method.GetCustomAttributes(), provider);
            GenericParameters(method.GetGenericParameters(), provider);
            foreach (var p in method.GetParameters()) Attributes(_reader.GetParameter(p).GetCustomAttributes(), provider);
            if (method.RelativeVirtualAddress != 0) Body(_pe.GetMethodBody(method.RelativeVirtualAddress), provider);
        }
    }

    private void Body(MethodBodyBlock body, Recorder provider)
    {
        if (!body.LocalSignature.IsNil) _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
            switch (Operands[code])
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
                case OperandType.InlineVar: il.Offset += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32(); // read first: `Offset += 4 * ReadInt32()` would add to the offset before the read
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    Token(MetadataTokens.EntityHandle(il.ReadInt32()), provider);
                    break;
                default: il.Offset += 4; break;
            }
        }
    }

    private void Token(EntityHandle handle, Recorder provider)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification:
                Record(handle, provider);
                break;
            case HandleKind.MethodDefinition:
                var method = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                provider.Add(new(Name(method.GetDeclaringType()), _assembly));
                method.DecodeSignature(provider, null);
                break;
            case HandleKind.FieldDefinition:
                var field = _reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                provider.Add(new(Name(field.GetDeclaringType()), _assembly));
                field.DecodeSignature(provider, null);
                break;
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                if (member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification) Record(member.Parent, provider);
                else if (member.Parent.Kind == HandleKind.MethodDefinition) Token(member.Parent, provider);
                if (member.GetKind() == MemberReferenceKind.Method) member.DecodeMethodSignature(provider, null);
                else member.DecodeFieldSignature(provider, null);
                break;
            case HandleKind.MethodSpecification:
                var spec = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Token(spec.Method, provider);
                spec.DecodeSignature(provider, null);
                break;
        }
    }

    private void Record(EntityHandle type, Recorder provider)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeDefinition: provider.GetTypeFromDefinition(_reader, (TypeDefinitionHandle)type, 0); break;
            case HandleKind.TypeReference: provider.GetTypeFromReference(_reader, (TypeReferenceHandle)type, 0); break;
            case HandleKind.TypeSpecification: _reader.GetTypeSpecification((TypeSpecificationHandle)type).DecodeSignature(provider, null); break;
        }
    }

    private void Attributes(CustomAttributeHandleCollection attributes, Recorder provider)
    {
        foreach (var a in attributes) Token(_reader.GetCustomAttribute(a).Constructor, provider);
    }

    private void GenericParameters(GenericParameterHandleCollection parameters, Recorder provider)
    {
        foreach (var g in parameters)
            foreach (var c in _reader.GetGenericParameter(g).GetConstraints())
                Record(_reader.GetGenericParameterConstraint(c).Type, provider);
    }

    private string Name(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } outer) return Name(outer) + "+" + name;
        var ns = _reader.GetString(type.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }

    private string NameOf(EntityHandle type) => type.Kind switch
    {
        HandleKind.TypeDefinition => Name((TypeDefinitionHandle)type),
        HandleKind.TypeReference => Reference((TypeReferenceHandle)type).FullName,
        _ => "",
    };

    private TypeRef Reference(TypeReferenceHandle handle)
    {
        var type = _reader.GetTypeReference(handle);
        var name = _reader.GetString(type.Name);
        var scope = type.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference)
        {
            var outer = Reference((TypeReferenceHandle)scope);
            return new(outer.FullName + "+" + name, outer.Assembly);
        }
        var ns = _reader.GetString(type.Namespace);
        var assembly = scope.Kind == HandleKind.AssemblyReference
            ? _reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : _assembly;
        return new(ns.Length > 0 ? ns + "." + name : name, assembly);
    }

    /// <summary>Decodes signatures only to note each named type in them; the decoded value itself is not used.</summary>
    private sealed class Recorder(TypeReferences owner, HashSet<TypeRef> refs) : ISignatureTypeProvider<string, object?>
    {
        public void Add(TypeRef type) => refs.Add(type);
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var name = owner.Name(handle);
            Add(new(name, owner._assembly));
            return name;
        }
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = owner.Reference(handle);
            Add(type);
            return type.FullName;
        }
        public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
        public string GetGenericTypeParameter(object? context, int index) => "!" + index;
        public string GetGenericMethodParameter(object? context, int index) => "!!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
