package state

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The file is a header line, "dispatch-state v1 sha256:HEX", then the JSON payload whose
// SHA-256 the header carries. A file that does not match is damaged.
const (
	magic   = "dispatch-state"
	version = 1
	maxFile = 64 << 20 // a state file is kilobytes; anything this big is not ours
)

// ErrNewerFormat means the state file was written by a newer dispatch; it is left alone.
var ErrNewerFormat = errors.New("the state file was written by a newer dispatch")

// data is the stored state.
type data struct {
	Corpus  []string // the corpus key, for a person reading the file
	Read    map[string]bool
	Starred map[string]bool
	Notes   map[string]string
	Place   Place
}

func newData() data {
	return data{Read: map[string]bool{}, Starred: map[string]bool{}, Notes: map[string]string{}}
}

func (d *data) apply(c change) {
	switch c.kind {
	case setRead:
		setFlag(d.Read, c.id, c.on)
	case setStar:
		setFlag(d.Starred, c.id, c.on)
	case setNote:
		if c.text == "" {
			delete(d.Notes, c.id)
		} else {
			d.Notes[c.id] = c.text
		}
	case setPlace:
		d.Place = c.at
	}
}

func setFlag(m map[string]bool, id string, on bool) {
	if on {
		m[id] = true
	} else {
		delete(m, id)
	}
}

// payload is data as JSON: sets as sorted lists, so the file is stable and diffable.
type payload struct {
	Corpus  []string          `json:"corpus"`
	Read    []string          `json:"read"`
	Starred []string          `json:"starred"`
	Notes   map[string]string `json:"notes"`
	Place   Place             `json:"place"`
}

func encode(d data) ([]byte, error) {
	body, err := json.Marshal(payload{
		Corpus: d.Corpus, Read: sortedKeys(d.Read), Starred: sortedKeys(d.Starred),
		Notes: d.Notes, Place: d.Place,
	})
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s v%d sha256:%s\n", magic, version, hex.EncodeToString(sum[:]))
	b.Write(body)
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// decode parses a state file; any error but ErrNewerFormat means the file is damaged.
func decode(file []byte) (data, error) {
	header, body, ok := bytes.Cut(file, []byte("\n"))
	if !ok {
		return data{}, errors.New("no header line")
	}
	var v int
	var sumHex string
	if _, err := fmt.Sscanf(string(header), magic+" v%d sha256:%s", &v, &sumHex); err != nil {
		return data{}, errors.New("not a dispatch state file")
	}
	if v > version {
		return data{}, ErrNewerFormat
	}
	if v != version {
		return data{}, fmt.Errorf("unknown format version %d", v)
	}
	body = bytes.TrimSuffix(body, []byte("\n"))
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != sumHex {
		return data{}, errors.New("checksum mismatch (truncated or altered)")
	}
	var p payload
	if err := json.Unmarshal(body, &p); err != nil {
		return data{}, fmt.Errorf("payload: %w", err)
	}
	d := newData()
	d.Corpus = p.Corpus
	for _, id := range p.Read {
		d.Read[id] = true
	}
	for _, id := range p.Starred {
		d.Starred[id] = true
	}
	for id, text := range p.Notes {
		if text = cutNote(text); text != "" {
			d.Notes[id] = text
		}
	}
	d.Place = p.Place
	return d, nil
}

// readFile reads the store at path. A damaged file is renamed to path+".corrupt" and an empty
// state returned, with a notice saying so. A missing file is os.ErrNotExist.
func readFile(path string) (d data, notice string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return data{}, "", err
	}
	file, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	f.Close()
	if err != nil {
		return data{}, "", fmt.Errorf("reading the state file: %w", err)
	}
	if len(file) > maxFile {
		err = errors.New("larger than " + strconv.Itoa(maxFile>>20) + " MiB")
	} else {
		d, err = decode(file)
	}
	switch {
	case err == nil:
		return d, "", nil
	case errors.Is(err, ErrNewerFormat):
		return data{}, "", fmt.Errorf("%s: %w", path, err)
	}
	aside := path + ".corrupt"
	if rerr := os.Rename(path, aside); rerr != nil {
		return data{}, "", fmt.Errorf("state file %s is damaged (%v) and cannot be set aside: %w", path, err, rerr)
	}
	notice = fmt.Sprintf("reading state was damaged (%v); kept it as %s and started afresh", err, aside)
	return newData(), notice, nil
}

// writeFile replaces the store at path with d: a temporary file in the same folder, synced,
// then renamed over it, so a crash leaves the old file or the new one, never half of one.
func writeFile(path string, d data) (err error) {
	body, err := encode(d)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	removeStaleTemps(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the state file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(body); err != nil {
		return fmt.Errorf("writing the state file: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing the state file: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing the state file: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing the state file: %w", err)
	}
	syncDir(dir)
	return nil
}

// staleAfter is the age after which a temporary file is a crashed save's leftover: a save
// writes a few kilobytes, so none still in progress is this old.
const staleAfter = time.Minute

// removeStaleTemps deletes temporary files that saves of path left behind when they crashed.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), filepath.Base(path)+".tmp-"
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
