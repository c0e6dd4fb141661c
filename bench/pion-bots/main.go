// Load bots for bench/sfu-capacity.ts (BENCH_BOTS=pion): LiveKit participants built on
// server-sdk-go (pion), which send pre-encoded media and count what they receive without
// decoding it, so that on a 2-core machine the SFU, not the clients, runs out first.
//
// One process hosts many bots, driven by JSON lines on stdin; each answer is a JSON line on
// stdout:
//
//	{"cmd":"join","id":"b1","url":"ws://…","token":"…","video":"v.ivf","audio":"a.ogg"} → {"id":"b1","ok":true}
//	{"cmd":"counters","id":"b1"} → {"id":"b1","ok":true,"subscribed":6,"streams":[…]}
//	{"cmd":"leave","id":"b1"} → {"id":"b1","ok":true}
//
// Each bot publishes a microphone (Opus pages of an OGG file, no DTX) and a camera (VP8
// frames of an IVF file), both looped in real time, and subscribes to everyone. Inbound
// streams count RTP packets, packets lost (gaps in sequence numbers) and video frames (RTP
// marker bits); outbound streams count packets sent, and lost as the SFU's receiver reports
// say.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"
	"github.com/pion/webrtc/v4/pkg/media/ivfreader"
	"github.com/pion/webrtc/v4/pkg/media/oggreader"
)

type command struct {
	Cmd   string `json:"cmd"`
	ID    string `json:"id"`
	URL   string `json:"url"`
	Token string `json:"token"`
	Video string `json:"video"`
	Audio string `json:"audio"`
}

type stream struct {
	SSRC    uint32 `json:"ssrc"`
	Kind    string `json:"kind"` // in | out
	Video   bool   `json:"video"`
	Packets uint64 `json:"packets"`
	Lost    int64  `json:"lost"`
	Frames  uint64 `json:"frames"`
}

type answer struct {
	ID         string   `json:"id"`
	OK         bool     `json:"ok"`
	Error      string   `json:"error,omitempty"`
	Subscribed int      `json:"subscribed"`
	Streams    []stream `json:"streams,omitempty"`
}

type bot struct {
	room       *lksdk.Room
	mu         sync.Mutex
	subscribed int
	streams    map[uint32]*stream
	stop       chan struct{}
}

func (b *bot) counters() answer {
	b.mu.Lock()
	defer b.mu.Unlock()
	a := answer{OK: true, Subscribed: b.subscribed}
	for _, s := range b.streams {
		a.Streams = append(a.Streams, *s)
	}
	return a
}

// receive counts one subscribed track's packets until it ends.
func (b *bot) receive(track *webrtc.TrackRemote) {
	video := track.Kind() == webrtc.RTPCodecTypeVideo
	s := &stream{SSRC: uint32(track.SSRC()), Kind: "in", Video: video}
	b.mu.Lock()
	b.streams[s.SSRC] = s
	b.mu.Unlock()
	var first, highest uint64
	var cycles uint64
	var last uint16
	started := false
	for {
		p, _, err := track.ReadRTP()
		if err != nil {
			return
		}
		seq := p.SequenceNumber
		if !started {
			started = true
			first = uint64(seq)
			highest = first
			last = seq
		} else {
			if seq < 0x1000 && last > 0xf000 {
				cycles += 1 << 16
			}
			if ext := cycles + uint64(seq); ext > highest {
				highest = ext
			}
			last = seq
		}
		b.mu.Lock()
		s.Packets++
		s.Lost = int64(highest-first+1) - int64(s.Packets)
		if video && p.Marker {
			s.Frames++
		}
		b.mu.Unlock()
	}
}

func loadIVF(path string) ([][]byte, time.Duration, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	r, header, err := ivfreader.NewWith(f)
	if err != nil {
		return nil, 0, err
	}
	var frames [][]byte
	for {
		frame, _, err := r.ParseNextFrame()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, err
		}
		frames = append(frames, frame)
	}
	return frames, time.Duration(float64(time.Second) * float64(header.TimebaseNumerator) / float64(header.TimebaseDenominator)), nil
}

func loadOgg(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, _, err := oggreader.NewWith(f)
	if err != nil {
		return nil, err
	}
	var pages [][]byte
	for {
		page, header, err := r.ParseNextPage()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if header.GranulePosition == 0 { // OpusHead, OpusTags
			continue
		}
		pages = append(pages, page)
	}
	return pages, nil
}

// loop writes the samples in real time, over and over, until stop.
func loop(track *lksdk.LocalTrack, samples [][]byte, every time.Duration, stop chan struct{}) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		case <-ticker.C:
			_ = track.WriteSample(media.Sample{Data: samples[i%len(samples)], Duration: every}, nil)
		}
	}
}

func (b *bot) outbound(ssrc uint32, video bool) *stream {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.streams[ssrc]
	if !ok {
		s = &stream{SSRC: ssrc, Kind: "out", Video: video}
		b.streams[ssrc] = s
	}
	return s
}

// rtcpHandler reads the SFU's receiver reports about what it lost of this bot's track.
func (b *bot) rtcpHandler(video bool, ssrc func() uint32) func(rtcp.Packet) {
	return func(p rtcp.Packet) {
		rr, ok := p.(*rtcp.ReceiverReport)
		if !ok {
			return
		}
		for _, r := range rr.Reports {
			if r.SSRC == ssrc() {
				s := b.outbound(r.SSRC, video)
				b.mu.Lock()
				// Packets: the highest sequence number the SFU has seen (its count of expected
				// packets, from which a window's delta is taken); lost: its cumulative count.
				s.Packets = uint64(r.LastSequenceNumber)
				s.Lost = int64(r.TotalLost)
				b.mu.Unlock()
			}
		}
	}
}

func join(c command) (*bot, error) {
	frames, frameEvery, err := loadIVF(c.Video)
	if err != nil {
		return nil, fmt.Errorf("video %s: %w", c.Video, err)
	}
	pages, err := loadOgg(c.Audio)
	if err != nil {
		return nil, fmt.Errorf("audio %s: %w", c.Audio, err)
	}
	b := &bot{streams: map[uint32]*stream{}, stop: make(chan struct{})}
	callback := &lksdk.RoomCallback{ParticipantCallback: lksdk.ParticipantCallback{
		OnTrackSubscribed: func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
			b.mu.Lock()
			b.subscribed++
			b.mu.Unlock()
			go b.receive(track)
		},
		OnTrackUnsubscribed: func(*webrtc.TrackRemote, *lksdk.RemoteTrackPublication, *lksdk.RemoteParticipant) {
			b.mu.Lock()
			b.subscribed--
			b.mu.Unlock()
		},
	}}
	room, err := lksdk.ConnectToRoomWithToken(c.URL, c.Token, callback, lksdk.WithAutoSubscribe(true))
	if err != nil {
		return nil, err
	}
	b.room = room

	var audio, camera *lksdk.LocalTrack
	audio, err = lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2},
		lksdk.WithRTCPHandler(b.rtcpHandler(false, func() uint32 { return uint32(audio.SSRC()) })))
	if err != nil {
		room.Disconnect()
		return nil, err
	}
	camera, err = lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000},
		lksdk.WithRTCPHandler(b.rtcpHandler(true, func() uint32 { return uint32(camera.SSRC()) })))
	if err != nil {
		room.Disconnect()
		return nil, err
	}
	if _, err = room.LocalParticipant.PublishTrack(audio, &lksdk.TrackPublicationOptions{Name: "microphone", Source: livekit.TrackSource_MICROPHONE, DisableDTX: true}); err != nil {
		room.Disconnect()
		return nil, err
	}
	if _, err = room.LocalParticipant.PublishTrack(camera, &lksdk.TrackPublicationOptions{Name: "camera", Source: livekit.TrackSource_CAMERA, VideoWidth: 320, VideoHeight: 180}); err != nil {
		room.Disconnect()
		return nil, err
	}
	go loop(audio, pages, 20*time.Millisecond, b.stop)
	go loop(camera, frames, frameEvery, b.stop)
	return b, nil
}

func (b *bot) leave() {
	close(b.stop)
	b.room.Disconnect()
}

func main() {
	bots := map[string]*bot{}
	var mu sync.Mutex
	out := json.NewEncoder(os.Stdout)
	var outMu sync.Mutex
	reply := func(a answer) {
		outMu.Lock()
		defer outMu.Unlock()
		_ = out.Encode(a)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	for in.Scan() {
		var c command
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			reply(answer{Error: err.Error()})
			continue
		}
		switch c.Cmd {
		case "join":
			go func(c command) {
				b, err := join(c)
				if err != nil {
					reply(answer{ID: c.ID, Error: err.Error()})
					return
				}
				mu.Lock()
				bots[c.ID] = b
				mu.Unlock()
				reply(answer{ID: c.ID, OK: true})
			}(c)
		case "counters":
			mu.Lock()
			b := bots[c.ID]
			mu.Unlock()
			if b == nil {
				reply(answer{ID: c.ID, Error: "no such bot"})
				continue
			}
			a := b.counters()
			a.ID = c.ID
			reply(a)
		case "leave":
			mu.Lock()
			b := bots[c.ID]
			delete(bots, c.ID)
			mu.Unlock()
			go func(c command) {
				if b != nil {
					b.leave()
				}
				reply(answer{ID: c.ID, OK: true})
			}(c)
		default:
			reply(answer{ID: c.ID, Error: "unknown command " + c.Cmd})
		}
	}
}
