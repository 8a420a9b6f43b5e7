// Owns writing text to a stream in large pieces, waiting when the stream asks to (bounded memory).
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const PIECE = 1 << 16;

export class TextSink {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= PIECE) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(chunk, 'utf8')) await once(this.out, 'drain');
  }
}
