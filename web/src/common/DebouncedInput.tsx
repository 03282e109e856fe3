import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

/**
 * A text input that reports its value once typing has paused for `ms` milliseconds (the customer search asks
 * the server once per pause, not once per key). A new `value` from outside (a cleared filter, the back button)
 * replaces the text.
 */
export function DebouncedInput({
  value,
  onValue,
  ms = 350,
  ...rest
}: { value: string; onValue(value: string): void; ms?: number } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
>) {
  const [text, setText] = useState(value);
  const reported = useRef(value);
  const callback = useRef(onValue);
  useEffect(() => {
    callback.current = onValue;
  }, [onValue]);

  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === reported.current) return undefined;
    const timer = setTimeout(() => {
      reported.current = text;
      callback.current(text);
    }, ms);
    return () => clearTimeout(timer);
  }, [text, ms]);

  return <input {...rest} value={text} onChange={(e) => setText(e.target.value)} />;
}
