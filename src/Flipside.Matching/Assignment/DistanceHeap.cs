using System.Numerics;

namespace Flipside.Matching.Assignment;

/// <summary>A binary min-heap of (distance, mentor) with lazy deletion; ties go to the lower mentor index.</summary>
internal sealed class DistanceHeap<T> where T : struct, INumber<T>
{
    private T[] _keys = new T[64];
    private int[] _mentors = new int[64];
    private int _count;

    public int Count => _count;

    public void Clear() => _count = 0;

    public T TopKey => _keys[0];

    public void Push(T key, int mentor)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _mentors, _count * 2);
        }
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(key, mentor, _keys[parent], _mentors[parent]))
                break;
            _keys[i] = _keys[parent];
            _mentors[i] = _mentors[parent];
            i = parent;
        }
        _keys[i] = key;
        _mentors[i] = mentor;
    }

    public int Pop(out T key)
    {
        key = _keys[0];
        int top = _mentors[0];
        _count--;
        if (_count > 0)
            SiftDown(_keys[_count], _mentors[_count]);
        return top;
    }

    private void SiftDown(T key, int mentor)
    {
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count)
                break;
            if (child + 1 < _count && Less(_keys[child + 1], _mentors[child + 1], _keys[child], _mentors[child]))
                child++;
            if (!Less(_keys[child], _mentors[child], key, mentor))
                break;
            _keys[i] = _keys[child];
            _mentors[i] = _mentors[child];
            i = child;
        }
        _keys[i] = key;
        _mentors[i] = mentor;
    }

    private static bool Less(T a, int ma, T b, int mb) => a < b || (a == b && ma < mb);
}
